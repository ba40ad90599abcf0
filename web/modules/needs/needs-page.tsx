import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TNeedFilters } from '../../../common/contracts/needs';
import type { TDistrict } from '../../../common/contracts/districts';
import { isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { isPlatformAdmin, isDistrictCoordinator, isSignedIn } from '../../app/access';
import { RequireAccess } from '../../app/require-access';
import { useSession } from '../../app/session';
import { SelectField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { PageHeader } from '../../ui/page-header';
import { districtQuery, districtsQuery } from '../districts';
import { NeedCountTables } from './need-count-tables';
import { FILTER_KEYS, NeedFilters } from './need-filters';
import { NeedForm } from './need-form';
import { NeedsList } from './needs-list';
import { NeedsMap } from './needs-map';
import { needsCountsQuery } from './needs.queries';

/** `/bisogni`: the needs register of a district — filters, map and counts for every member, the list and forms. */
export function NeedsPage() {
  return (
    <RequireAccess allow={isSignedIn}>
      <NeedsRegister />
    </RequireAccess>
  );
}

function NeedsRegister() {
  const { t } = useTranslation('needs');
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const districts = useQuery(districtsQuery);
  const coordinated = (session.roles ?? []).find((grant) => grant.role === 'district_coordinator')?.scopeId;
  const districtId = params.get('distretto') ?? coordinated ?? districts.data?.find((d) => d.isDemo)?.id ?? districts.data?.[0]?.id ?? null;
  const district = useQuery({ ...districtQuery(districtId ?? ''), enabled: Boolean(districtId) });

  const filters = useMemo(() => {
    const value: Partial<TNeedFilters> & { districtId: string } = { districtId: districtId ?? '' };
    for (const key of FILTER_KEYS) {
      const given = params.get(key);
      if (given) (value as Record<string, string>)[key] = given;
    }
    return value;
  }, [params, districtId]);

  if (districts.isPending) return <Loading />;
  if (districts.isError) return <ApiErrorAlert error={districts.error} />;
  return (
    <>
      <PageHeader title={t('title')} breadcrumbs={[{ label: t('title') }]} lead={t('lead')} />
      {!districtId ? (
        <p>{t('noDistrict')}</p>
      ) : (
        <>
          <div className="row">
            <div className="col-md-6">
              <SelectField
                id="needs-district"
                label={t('district')}
                value={districtId}
                onChange={(event) => setParams({ distretto: event.target.value })}
              >
                {districts.data.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </SelectField>
            </div>
          </div>
          {district.isError && <ApiErrorAlert error={district.error} />}
          {district.data && <RegisterForDistrict district={district.data} filters={filters} onFilters={(next) => setParams({ distretto: district.data.id, ...next })} />}
        </>
      )}
    </>
  );
}

function RegisterForDistrict({ district, filters, onFilters }: { district: TDistrict; filters: Partial<TNeedFilters> & { districtId: string }; onFilters: (next: Record<string, string>) => void }) {
  const { t } = useTranslation('needs');
  const { session } = useSession();
  const canSeeAll = isPlatformAdmin(session) || isDistrictCoordinator(session, district.id);
  const counts = useQuery(needsCountsQuery(filters));
  return (
    <>
      <NeedForm district={district} canSeeAll={canSeeAll} />
      <NeedFilters district={district} filters={filters} onFilters={onFilters} />
      {counts.isError && isApiError(counts.error) && counts.error.status === 403 ? (
        <Notice color="info" role="note">
          <p className="mb-0">{t('countsForbidden')}</p>
        </Notice>
      ) : counts.isError ? (
        <ApiErrorAlert error={counts.error} onRetry={() => void counts.refetch()} />
      ) : counts.isPending ? (
        <Loading />
      ) : (
        <>
          <Notice color="info" role="note">
            <p className="mb-0">{canSeeAll ? t('scopeAll') : t('scopeOwn')}</p>
          </Notice>
          <NeedsMap district={district} counts={counts.data} />
          <NeedCountTables counts={counts.data} />
        </>
      )}
      <NeedsList filters={filters} canChangeStatus={canSeeAll} />
    </>
  );
}
