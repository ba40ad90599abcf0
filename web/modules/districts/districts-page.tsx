import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, CardBody, CardText, CardTitle, Col, Row } from 'design-react-kit';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { districtsQuery } from './districts.queries';

/** All districts as cards: name, size, coordinating body, and whether it is demo data. */
export function DistrictsPage() {
  const { t, i18n } = useTranslation();
  const districts = useQuery(districtsQuery);

  return (
    <>
      <PageHeader
        title={t('districts.title')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }, { label: t('districts.title') }]}
        lead={t('districts.lead')}
      />
      {districts.isPending && <Loading />}
      {districts.isError && <ApiErrorAlert error={districts.error} onRetry={() => void districts.refetch()} />}
      {districts.data && districts.data.length === 0 && <p>{t('districts.empty')}</p>}
      {districts.data && districts.data.length > 0 && (
        <Row className="g-4 list-unstyled" tag="ul" aria-label={t('districts.listLabel')}>
          {districts.data.map((district) => (
            <Col key={district.id} md={6} lg={4} tag="li">
              <Card className="h-100 distretto-card">
                <CardBody>
                  <CardTitle tag="h2" className="h4">
                    <Link to={paths.district(district.id)}>{district.name}</Link>
                  </CardTitle>
                  {district.isDemo && (
                    <Badge color="warning" className="mb-2 demo-badge">
                      {t('districts.demoBadge')}
                    </Badge>
                  )}
                  <CardText>{district.description}</CardText>
                  <dl className="facts facts--compact">
                    <dt>{t('districts.municipalities')}</dt>
                    <dd>{formatNumber(district.municipalityCount, i18n.language)}</dd>
                    <dt>{t('districts.population')}</dt>
                    <dd>{formatNumber(district.population, i18n.language)}</dd>
                    <dt>{t('districts.coordinator')}</dt>
                    <dd>{district.coordinatorOrganization?.name ?? t('districts.noCoordinator')}</dd>
                  </dl>
                </CardBody>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
