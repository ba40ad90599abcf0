import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { GROUP_STATUSES, type GroupStatus } from '../../../common/domain/groups';
import { isSignedIn } from '../../app/access';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { paths } from '../../app/paths';
import { RequireAccess } from '../../app/require-access';
import { formatNumber } from '../../app/format';
import { DataTable } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { groupsPaths } from './groups-paths';
import { districtQuery } from '../districts';
import { taxonomyQuery } from '../services';
import { groupListQuery } from './groups.queries';
import { useGroupLabels } from './group-labels';
import { formatMeetingTime } from './meeting-time';
import './groups.css';

/** `/distretti/:districtId/tavoli`: a district's working groups, filtered by status and theme, and a new one for its coordinators. */
export function DistrictGroupsPage() {
  return (
    <RequireAccess allow={isSignedIn}>
      <DistrictGroups />
    </RequireAccess>
  );
}

function DistrictGroups() {
  const { t, i18n } = useTranslation('groups');
  const labels = useGroupLabels();
  const { districtId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const status = (GROUP_STATUSES as readonly string[]).includes(params.get('stato') ?? '') ? (params.get('stato') as GroupStatus) : undefined;
  const categoryCode = params.get('tema') ?? undefined;
  const q = params.get('q') ?? undefined;
  const [words, setWords] = useState(q ?? '');
  const district = useQuery(districtQuery(districtId));
  const taxonomy = useQuery(taxonomyQuery);
  const groups = useQuery(groupListQuery({ districtId, status, categoryCode, q }));
  const categoryLabel = (code: string, label: string | null) => label ?? taxonomy.data?.find((term) => term.code === code)?.[i18n.language === 'en' ? 'labelEn' : 'labelIt'] ?? code;
  const districtName = district.data?.name ?? '';
  const title = t('list.title');
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <div className="groups-ui">
      <PageHeader
        title={title}
        documentTitle={districtName ? `${title} · ${districtName}` : title}
        breadcrumbs={[{ label: t('breadcrumbs.districts'), to: paths.districts }, { label: districtName || t('breadcrumbs.district'), to: paths.district(districtId) }, { label: title }]}
        lead={districtName ? t('list.lead', { district: districtName }) : undefined}
        aside={
          groups.data?.canCreate ? (
            <Link className="btn btn-primary" to={groupsPaths.create(districtId)}>
              {t('list.create')}
            </Link>
          ) : undefined
        }
      />
      <form
        className="row align-items-end mb-3"
        aria-label={t('list.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          setFilter('q', words.trim());
        }}
      >
        <SelectField className="col-md-3" id="groups-status" label={t('list.status')} value={status ?? ''} onChange={(event) => setFilter('stato', event.target.value)}>
          <option value="">{t('list.anyStatus')}</option>
          {GROUP_STATUSES.map((value) => (
            <option key={value} value={value}>
              {labels.groupStatus(value)}
            </option>
          ))}
        </SelectField>
        <SelectField className="col-md-4" id="groups-theme" label={t('list.theme')} value={categoryCode ?? ''} onChange={(event) => setFilter('tema', event.target.value)}>
          <option value="">{t('list.anyTheme')}</option>
          {(taxonomy.data ?? []).map((term) => (
            <option key={term.code} value={term.code}>
              {i18n.language === 'en' ? term.labelEn : term.labelIt}
            </option>
          ))}
        </SelectField>
        <TextField className="col-md-3" id="groups-words" label={t('list.words')} value={words} onChange={(event) => setWords(event.target.value)} />
        <div className="col-md-2 mb-4">
          <button type="submit" className="btn btn-outline-primary">
            {t('list.search')}
          </button>
        </div>
      </form>
      {groups.isPending && <Loading />}
      {groups.isError && <ApiErrorAlert error={groups.error} onRetry={() => void groups.refetch()} />}
      {groups.data && (
        <DataTable
          caption={t('list.caption', { count: groups.data.total, formatted: formatNumber(groups.data.total, i18n.language) })}
          rows={groups.data.items}
          rowKey={(group) => group.id}
          emptyText={t('list.empty')}
          columns={[
            {
              key: 'name',
              header: t('list.name'),
              isRowHeader: true,
              cell: (group) => (group.canView ? <Link to={groupsPaths.group(group.id)}>{group.name}</Link> : group.name),
            },
            {
              key: 'theme',
              header: t('list.theme'),
              cell: (group) => [group.theme, ...group.categories.map((category) => categoryLabel(category.code, category.label))].filter(Boolean).join(' · '),
            },
            { key: 'status', header: t('list.status'), cell: (group) => labels.groupStatus(group.status) },
            { key: 'access', header: t('list.access'), cell: (group) => labels.accessMode(group.accessMode) },
            { key: 'members', header: t('list.organizations'), isNumeric: true, cell: (group) => formatNumber(group.organizationCount, i18n.language) },
            {
              key: 'next',
              header: t('list.nextMeeting'),
              cell: (group) => (group.nextMeetingStartsAt ? formatMeetingTime(group.nextMeetingStartsAt, null, i18n.language) : t('list.noMeeting')),
            },
          ]}
        />
      )}
    </div>
  );
}
