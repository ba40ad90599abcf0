import { lazy } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'design-react-kit';
import type { TProjectSummary } from '../../../common/contracts/projects';
import { FUNDING_KINDS, PROJECT_STATUSES, PROJECT_STRANDS } from '../../../common/domain/projects';
import { TARGET_GROUPS } from '../../../common/domain/services';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { DataTable } from '../../ui/data-table';
import { SelectField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { isAnyDistrictCoordinator, isPlatformAdmin } from '../../app/access';
import { useSession } from '../../app/session';
import { districtsQuery } from '../districts';
import { LIST_PARAMS, projectPaths } from './project-paths';
import { filtersOf } from './project-filters';
import { projectsCsvUrl, projectsQuery } from './projects.queries';
import { useProjectLabels } from './use-project-labels';

const ProjectsMap = lazy(() => import('./projects-map').then((m) => ({ default: m.ProjectsMap })));

type FilterKey = Exclude<keyof typeof LIST_PARAMS, 'organizationId'>;

/** Co-designed projects with filters, a map of districts by projects and budget, the list and its CSV export. */
export function ProjectsPage() {
  const { t } = useTranslation('projects');
  const { t: tCommon } = useTranslation();
  const { session } = useSession();
  const labels = useProjectLabels();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const projects = useQuery(projectsQuery(filters));
  const districts = useQuery(districtsQuery);
  const canCreate = isPlatformAdmin(session) || isAnyDistrictCoordinator(session);

  const setFilter = (key: FilterKey, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(LIST_PARAMS[key], value);
    else next.delete(LIST_PARAMS[key]);
    setParams(next, { replace: true });
  };
  const filterSelect = (key: FilterKey, label: string, options: readonly { value: string; label: string }[]) => (
    <SelectField id={`projects-filter-${key}`} label={label} value={filters[key] ?? ''} onChange={(event) => setFilter(key, event.target.value)} className="col-md-4">
      <option value="">{t('list.all')}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );

  return (
    <>
      <PageHeader
        title={t('list.title')}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('list.title') }]}
        lead={t('list.lead')}
        aside={canCreate ? <Link className="btn btn-primary" to={projectPaths.newProject}>{t('list.new')}</Link> : undefined}
      />
      <form aria-label={t('list.filters')} className="row g-2 mb-3" onSubmit={(event) => event.preventDefault()}>
        {filterSelect('districtId', t('list.district'), (districts.data ?? []).map((district) => ({ value: district.id, label: district.name })))}
        {filterSelect('status', t('list.status'), PROJECT_STATUSES.map((code) => ({ value: code, label: labels.status(code) })))}
        {filterSelect('strand', t('list.strand'), PROJECT_STRANDS.map((code) => ({ value: code, label: labels.strand(code) })))}
        {filterSelect('targetGroup', t('list.targetGroup'), TARGET_GROUPS.map((code) => ({ value: code, label: labels.targetGroup(code) })))}
        {filterSelect('fundingKind', t('list.fundingKind'), FUNDING_KINDS.map((code) => ({ value: code, label: labels.fundingKind(code) })))}
      </form>
      <ProjectsMap filters={filters} />
      {projects.isPending && <Loading />}
      {projects.isError && <ApiErrorAlert error={projects.error} onRetry={() => void projects.refetch()} />}
      {projects.data && (
        <>
          <p role="status">{t('list.count', { count: projects.data.total, formatted: formatNumber(projects.data.total, labels.language) })}</p>
          <ProjectsTable rows={projects.data.items} />
          <p>
            <a href={projectsCsvUrl(filters)} download>
              {t('list.csv')}
            </a>
          </p>
        </>
      )}
    </>
  );
}

function ProjectsTable({ rows }: { rows: readonly TProjectSummary[] }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  return (
    <DataTable
      caption={t('list.caption')}
      columns={[
        { key: 'title', header: t('list.project'), isRowHeader: true, cell: (row: TProjectSummary) => <Link to={projectPaths.project(row.id)}>{row.title}</Link> },
        { key: 'status', header: t('list.status'), cell: (row) => <Badge color={row.status === 'running' ? 'success' : 'primary'}>{labels.status(row.status)}</Badge> },
        { key: 'districts', header: t('list.districts'), cell: (row) => row.districts.map((district) => district.name).join(', ') },
        { key: 'lead', header: t('list.lead'), cell: (row) => row.leadOrganizationName ?? '—' },
        { key: 'strands', header: t('list.strands'), cell: (row) => row.strands.map(labels.strand).join(', ') },
        { key: 'partners', header: t('list.partners'), isNumeric: true, cell: (row) => formatNumber(row.partnerCount, labels.language) },
        { key: 'budget', header: t('list.budget'), isNumeric: true, cell: (row) => labels.money(row.budgetCents) },
        { key: 'committed', header: t('list.committed'), isNumeric: true, cell: (row) => labels.money(row.committedCents) },
      ]}
      rows={rows}
      rowKey={(row) => row.id}
      emptyText={t('list.empty')}
    />
  );
}
