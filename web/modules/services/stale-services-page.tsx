import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSession } from '../../app/session';
import { isPlatformAdmin } from '../../app/access';
import { paths } from '../../app/paths';
import { servicePaths } from './service-paths';
import { SelectField } from '../../ui/form-field';
import { staleServicesQuery } from './services.queries';
import { formatDay } from '../../app/format';

/** For coordinators: the district's services nobody confirmed for six months, oldest first, to chase providers. */
export function StaleServicesPage() {
  const { t, i18n } = useTranslation('services');
  const { t: tCommon } = useTranslation();
  const { session } = useSession();
  const districts = (session?.roles ?? []).filter((grant) => grant.role === 'district_coordinator' && grant.scopeId);
  const isAdmin = isPlatformAdmin(session);
  const [districtId, setDistrictId] = useState<string | null>(districts[0]?.scopeId ?? null);
  const canList = isAdmin || districtId !== null;
  const stale = useQuery({ ...staleServicesQuery(districtId), enabled: canList });

  return (
    <>
      <PageHeader
        title={t('stale.title')}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('search.title'), to: servicePaths.search }, { label: t('stale.title') }]}
        lead={t('stale.lead')}
      />
      {!canList && <Notice color="info" role="note">{t('stale.onlyCoordinators')}</Notice>}
      {districts.length > 1 && (
        <SelectField id="stale-district" label={t('stale.district')} value={districtId ?? ''} onChange={(event) => setDistrictId(event.target.value || null)}>
          {districts.map((grant) => (
            <option key={grant.scopeId} value={grant.scopeId ?? ''}>
              {grant.scopeName ?? grant.scopeId}
            </option>
          ))}
        </SelectField>
      )}
      {canList && stale.isPending && <Loading />}
      {stale.isError && <ApiErrorAlert error={stale.error} onRetry={() => void stale.refetch()} />}
      {stale.data && stale.data.length === 0 && <p>{t('stale.none')}</p>}
      {stale.data && stale.data.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('stale.caption', { count: stale.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stale.service')}</th>
                <th scope="col">{t('card.provider')}</th>
                <th scope="col">{t('stale.confirmedOn')}</th>
                <th scope="col">{t('stale.age')}</th>
              </tr>
            </thead>
            <tbody>
              {stale.data.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={servicePaths.service(item.id)}>{item.name}</Link>
                  </th>
                  <td>{item.provider.name}</td>
                  <td>{formatDay(item.confirmation.confirmedOn, i18n.language)}</td>
                  <td>{t('freshness.daysAgo', { count: item.confirmation.days })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
