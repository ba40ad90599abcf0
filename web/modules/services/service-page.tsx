import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Col, Row } from 'design-react-kit';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { TextField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { paths } from '../../app/paths';
import { servicePaths } from './service-paths';
import { useServiceLabels } from './service-labels';
import { confirmService, serviceQuery } from './services.queries';

/** A service's public page; its provider also sees "edit" and "confirm the data are current". */
export function ServicePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('services');
  const { t: tCommon } = useTranslation();
  const labels = useServiceLabels();
  const service = useQuery(serviceQuery(id));
  const queryClient = useQueryClient();
  const [capacityFree, setCapacityFree] = useState('');
  const confirm = useMutation({
    mutationFn: () =>
      confirmService(id, { version: service.data!.version, ...(capacityFree.trim() !== '' ? { capacityFree: Number(capacityFree) } : {}) }),
    onSuccess: (updated) => queryClient.setQueryData(serviceQuery(id).queryKey, updated),
  });

  if (service.isPending) return <Loading />;
  if (service.isError) return <ApiErrorAlert error={service.error} onRetry={() => void service.refetch()} />;
  const s = service.data;
  const freshness = labels.freshness(s);
  const ages =
    s.minimumAge !== null && s.maximumAge !== null
      ? t('service.ageRange', { min: s.minimumAge, max: s.maximumAge })
      : s.minimumAge !== null
        ? t('service.ageMin', { min: s.minimumAge })
        : s.maximumAge !== null
          ? t('service.ageMax', { max: s.maximumAge })
          : null;

  return (
    <>
      <PageHeader
        title={s.name}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('search.title'), to: servicePaths.search }, { label: s.name }]}
        lead={s.provider.name}
        aside={
          <>
            {s.isDemo && <Badge color="warning" className="demo-badge me-1">{t('card.demo')}</Badge>}
            {s.status !== 'active' && <Badge color="secondary">{t(`statuses.${s.status}`)}</Badge>}
          </>
        }
      />
      <Row>
        <Col lg={8}>
          {s.description && <p className="lead-text">{s.description}</p>}
          <dl className="facts">
            <dt>{t('card.when')}</dt>
            <dd>{labels.schedule(s)}</dd>
            <dt>{t('card.cost')}</dt>
            <dd>{labels.cost(s)}</dd>
            {s.howToAccess && (
              <>
                <dt>{t('card.access')}</dt>
                <dd>{s.howToAccess}</dd>
              </>
            )}
            <dt>{t('card.capacity')}</dt>
            <dd>
              {labels.capacity(s)} — {freshness.text} ({freshness.badge})
            </dd>
            {s.targetGroups.length > 0 && (
              <>
                <dt>{t('service.forWhom')}</dt>
                <dd>{s.targetGroups.map((group) => t(`targetGroups.${group}`)).join(', ')}</dd>
              </>
            )}
            <dt>{t('service.openTo')}</dt>
            <dd>{s.openTo.map((audience) => t(`openTo.${audience}`)).join(', ')}</dd>
            {(s.eligibilityDescription || s.eligibilityConditions.length > 0 || ages) && (
              <>
                <dt>{t('service.eligibility')}</dt>
                <dd>{[s.eligibilityDescription, ...s.eligibilityConditions, ages].filter(Boolean).join('; ')}</dd>
              </>
            )}
            {s.categories.length > 0 && (
              <>
                <dt>{t('service.categories')}</dt>
                <dd>{s.categories.map((category) => labels.category(category)).join(', ')}</dd>
              </>
            )}
            <dt>{t('service.languages')}</dt>
            <dd>{labels.languages(s.languages)}</dd>
          </dl>
        </Col>
        <Col lg={4}>
          <h2 className="h5">{t('service.locations')}</h2>
          {s.locations.length === 0 ? (
            <p>{t('card.noLocation')}</p>
          ) : (
            <ul>
              {s.locations.map((location) => (
                <li key={location.id}>
                  {location.name}
                  {location.address && `, ${location.address}`}, {location.postalCode ? `${location.postalCode} ` : ''}
                  <Link to={paths.municipality(location.municipalityCode)}>{location.municipalityName}</Link> ({location.provinceAbbreviation})
                </li>
              ))}
            </ul>
          )}
          {(s.serviceAreaDistrict || s.serviceAreaMunicipalities.length > 0) && (
            <>
              <h2 className="h5">{t('service.area')}</h2>
              <p>
                {s.serviceAreaDistrict ? (
                  <Link to={paths.district(s.serviceAreaDistrict.id)}>{s.serviceAreaDistrict.name}</Link>
                ) : (
                  s.serviceAreaMunicipalities.map((m) => m.name).join(', ')
                )}
              </p>
            </>
          )}
          {(s.phone || s.email || s.url) && (
            <>
              <h2 className="h5">{t('service.contacts')}</h2>
              <ul className="list-unstyled">
                {s.phone && <li>{t('service.phone')}: <a href={`tel:${s.phone.replace(/\s/g, '')}`}>{s.phone}</a></li>}
                {s.email && <li>{t('service.email')}: <a href={`mailto:${s.email}`}>{s.email}</a></li>}
                {s.url && <li><a href={s.url}>{t('service.website')}</a></li>}
              </ul>
            </>
          )}
          <p>
            <a href={`/api/hsds/services/${s.id}`}>{t('service.openData')}</a>
          </p>
        </Col>
      </Row>
      {s.canEdit && (
        <section aria-labelledby="service-provider-heading" className="mt-4 p-3 border rounded">
          <h2 id="service-provider-heading" className="h5">{t('service.forProvider')}</h2>
          <p>
            <Link to={servicePaths.edit(s.id)} className="btn btn-outline-primary btn-sm">
              {t('service.edit')}
            </Link>
          </p>
          {confirm.isSuccess && <Notice color="success" role="status">{t('service.confirmed')}</Notice>}
          {confirm.isError && <ApiErrorAlert error={confirm.error} />}
          <form
            onSubmit={(event) => {
              event.preventDefault();
              confirm.mutate();
            }}
          >
            <TextField
              id="service-confirm-free"
              type="number"
              min={0}
              label={t('service.confirmFree')}
              help={t('service.confirmFreeHelp')}
              value={capacityFree}
              onChange={(event) => setCapacityFree(event.target.value)}
            />
            <Button type="submit" color="primary" size="sm" disabled={confirm.isPending}>
              {t('service.confirm')}
            </Button>
          </form>
        </section>
      )}
      <p className="mt-4">
        <Link to={servicePaths.search}>{t('service.backToSearch')}</Link>
      </p>
    </>
  );
}
