import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Card, CardBody, CardTitle } from 'design-react-kit';
import { LABELS_WEB_PATHS } from '../../../common/contracts/labels';
import type { TServiceSummary } from '../../../common/contracts/services';
import { formatDay } from '../../app/format';
import { servicePaths } from './service-paths';
import { useServiceLabels } from './service-labels';

const FRESHNESS_COLOR = { fresh: 'success', aging: 'warning', stale: 'danger' } as const;

/** One search result: provider, where, when, cost, how to access, free capacity and how fresh that figure is. */
export function ServiceCard({ service }: { service: TServiceSummary }) {
  const { t } = useTranslation('services');
  const labels = useServiceLabels();
  const freshness = labels.freshness(service);
  const where = service.location
    ? `${service.location.name}, ${service.location.address ? `${service.location.address}, ` : ''}${service.location.municipalityName} (${service.location.provinceAbbreviation})`
    : t('card.noLocation');
  return (
    <Card className="h-100 distretto-card service-card" tag="article">
      <CardBody>
        <CardTitle tag="h3" className="h5">
          <Link to={servicePaths.service(service.id)}>{service.name}</Link>
        </CardTitle>
        <p className="mb-2">
          {service.categories.map((category) => (
            <Badge key={category.id} color="primary" className="me-1">
              {labels.category(category)}
            </Badge>
          ))}
          {service.isDemo && (
            <Badge color="warning" className="demo-badge">
              {t('card.demo')}
            </Badge>
          )}
        </p>
        {service.labels.map((label) => (
          <p key={label.publicCode} className="mb-2 service-label">
            <Link to={LABELS_WEB_PATHS.verification(label.publicCode)}>{t('card.label', { scheme: label.schemeName, until: formatDay(label.validUntil, labels.language) })}</Link>
          </p>
        ))}
        {service.summary && <p>{service.summary}</p>}
        <dl className="facts facts--compact">
          <dt>{t('card.provider')}</dt>
          <dd>{service.provider.name}</dd>
          <dt>{t('card.where')}</dt>
          <dd>
            {where}
            {service.distanceKm !== null && <> · {t('card.distance', { distance: service.distanceKm.toLocaleString(labels.language) })}</>}
            {service.serviceAreaLabel && <div>{t('card.serves', { area: service.serviceAreaLabel })}</div>}
          </dd>
          <dt>{t('card.when')}</dt>
          <dd>{labels.schedule(service)}</dd>
          <dt>{t('card.cost')}</dt>
          <dd>{labels.cost(service)}</dd>
          {service.howToAccess && (
            <>
              <dt>{t('card.access')}</dt>
              <dd>{service.howToAccess}</dd>
            </>
          )}
          <dt>{t('card.capacity')}</dt>
          <dd>
            {labels.capacity(service)}{' '}
            <span className="text-nowrap">
              <Badge color={FRESHNESS_COLOR[freshness.freshness]} className="freshness-badge">
                {freshness.badge}
              </Badge>{' '}
              <small>{freshness.text}</small>
            </span>
          </dd>
        </dl>
      </CardBody>
    </Card>
  );
}
