import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Badge } from 'design-react-kit';
import type { TPactList } from '../../../common/contracts/pacts';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { DataTable } from '../../ui/data-table';
import { SelectField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { paths } from '../../app/paths';
import { districtsQuery } from '../districts';
import { PACT_PARAMS, pactPaths } from './pact-paths';
import { districtPactsQuery } from './pacts.queries';
import { usePactLabels } from './use-pact-labels';

type PactRow = TPactList['items'][number];

/**
 * A district's pacts (the address names it), or the pacts of every district the reader sees, grouped by district:
 * each row with its status in words, its start and its signatories.
 */
export function PactsPage() {
  const { t } = useTranslation('pacts');
  const { t: tCommon } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = params.get(PACT_PARAMS.districtId) ?? '';
  const districts = useQuery(districtsQuery);
  const shown = (districts.data ?? []).filter((district) => !chosen || district.id === chosen);
  const lists = useQueries({ queries: shown.map((district) => districtPactsQuery(district.id)) });
  const creatableIn = shown.filter((_, index) => lists[index]?.data?.canCreate);
  const newPactPath = creatableIn.length === 1 ? pactPaths.newPactOfDistrict(creatableIn[0]!.id) : pactPaths.newPact;

  const choose = (districtId: string) => {
    const next = new URLSearchParams(params);
    if (districtId) next.set(PACT_PARAMS.districtId, districtId);
    else next.delete(PACT_PARAMS.districtId);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('list.title')}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('list.title') }]}
        lead={t('list.lead')}
        aside={creatableIn.length > 0 ? <Link className="btn btn-primary" to={newPactPath}>{t('list.new')}</Link> : undefined}
      />
      <form aria-label={t('list.district')} className="row g-2 mb-3" onSubmit={(event) => event.preventDefault()}>
        <SelectField id="pacts-district" label={t('list.district')} value={chosen} onChange={(event) => choose(event.target.value)} className="col-md-6">
          <option value="">{t('list.allDistricts')}</option>
          {(districts.data ?? []).map((district) => (
            <option key={district.id} value={district.id}>
              {district.name}
            </option>
          ))}
        </SelectField>
      </form>
      {districts.isPending && <Loading />}
      {districts.isError && <ApiErrorAlert error={districts.error} onRetry={() => void districts.refetch()} />}
      {districts.data && districts.data.length === 0 && <p>{t('list.noDistrict')}</p>}
      {shown.map((district, index) => {
        const list = lists[index];
        if (!list) return null;
        // Across all districts, a district with nothing for this reader is left out; a chosen one always shows.
        if (!chosen && list.data && list.data.items.length === 0 && !list.data.canCreate) return null;
        return (
          <section key={district.id} aria-labelledby={`pacts-district-${district.id}`} className="mb-4">
            <h2 id={`pacts-district-${district.id}`} className="h4">
              {t('list.districtHeading', { district: district.name })}
            </h2>
            {list.isPending && <Loading />}
            {list.isError && <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
            {list.data && <PactsTable rows={list.data.items} caption={t('list.districtHeading', { district: district.name })} />}
          </section>
        );
      })}
    </>
  );
}

function PactsTable({ rows, caption }: { rows: readonly PactRow[]; caption: string }) {
  const { t } = useTranslation('pacts');
  const labels = usePactLabels();
  return (
    <DataTable
      caption={caption}
      isCaptionHidden
      columns={[
        { key: 'title', header: t('list.pact'), isRowHeader: true, cell: (row: PactRow) => <Link to={pactPaths.pact(row.id)}>{row.title}</Link> },
        {
          key: 'status',
          header: t('list.status'),
          cell: (row) => (
            <>
              <Badge color={row.latestStatus === 'in_force' ? 'success' : row.latestStatus === 'open_for_signature' ? 'primary' : 'secondary'}>{labels.status(row.latestStatus)}</Badge>
              {row.inForceNumber !== null && row.latestStatus !== 'in_force' && <span className="d-block small">{t('list.inForceNumber', { number: row.inForceNumber })}</span>}
            </>
          ),
        },
        { key: 'startsOn', header: t('list.startsOn'), cell: (row) => labels.day(row.startsOn) },
        { key: 'signatories', header: t('list.signatories'), isNumeric: true, cell: (row) => labels.number(row.signatoryCount) },
        { key: 'public', header: t('list.public'), cell: (row) => (row.isPublic ? t('list.isPublic') : t('list.isNotPublic')) },
      ]}
      rows={rows}
      rowKey={(row) => row.id}
      emptyText={t('list.empty')}
    />
  );
}
