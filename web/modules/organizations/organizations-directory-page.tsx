import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Badge, Button } from 'design-react-kit';
import { ORGANIZATION_KIND_CODES, ORGANIZATION_SECTORS } from '../../../common/domain/organizations';
import { ORGANIZATION_SIZE_CLASSES } from '../../../common/domain/organization-registry';
import { ZMunicipalityPage } from '../../../common/contracts/territory';
import type { TOrganizationSummary } from '../../../common/contracts/organizations';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { DataTable, type Column } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/form-field';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { api } from '../../app/api-client';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { useBasemap } from '../../app/use-basemap';
import { districtsQuery } from '../districts';
import { exportUrl, FILTER_KEYS, organizationPointsQuery, organizationsQuery, type DirectoryFilters } from './organizations.queries';
import { kindLabel, sectorLabel, sizeLabel } from './organization-labels';
import { OrganizationsMap } from './organizations-map';


function useFilters(): [DirectoryFilters, (next: DirectoryFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: DirectoryFilters = Object.fromEntries(FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
  const setFilters = (next: DirectoryFilters) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key]) search.set(key, next[key]!);
    if (params.get('vista')) search.set('vista', params.get('vista')!);
    setParams(search, { replace: true });
  };
  return [filters, setFilters];
}

/** Picks a municipality by name (territory search) and hands back its ISTAT code. */
function MunicipalityFilter({ value, onChange }: { value?: string; onChange: (code: string | undefined) => void }) {
  const { t } = useTranslation('organizations');
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 250);
  const options = useQuery({
    queryKey: ['organizations', 'municipality-options', query],
    queryFn: ({ signal }) => api.get('/api/territory/municipalities', ZMunicipalityPage, { signal, query: { q: query, limit: 10 } }),
    enabled: query.length >= 2,
  });
  const items = options.data?.items ?? [];
  return (
    <>
      <TextField
        id="filter-municipality"
        label={t('directory.municipality')}
        help={t('directory.municipalityHelp')}
        list="filter-municipality-options"
        value={text}
        autoComplete="off"
        onChange={(event) => {
          setText(event.target.value);
          const match = items.find((m) => `${m.name} (${m.provinceAbbreviation})` === event.target.value);
          if (match) onChange(match.istatCode);
          if (event.target.value === '') onChange(undefined);
        }}
      />
      <datalist id="filter-municipality-options">
        {items.map((m) => (
          <option key={m.istatCode} value={`${m.name} (${m.provinceAbbreviation})`} />
        ))}
      </datalist>
    </>
  );
}

/** The directory: search, filters in the URL (shareable), list or map view, CSV export of the same filters. */
export function OrganizationsDirectoryPage() {
  const { t } = useTranslation('organizations');
  const { t: tCommon } = useTranslation();
  const { session } = useSession();
  const [filters, setFilters] = useFilters();
  const [params, setParams] = useSearchParams();
  const view = params.get('vista') === 'mappa' ? 'map' : 'list';
  const [search, setSearch] = useState(filters.q ?? '');
  const basemap = useBasemap();
  const districts = useQuery(districtsQuery);
  const list = useInfiniteQuery({ ...organizationsQuery(filters), placeholderData: keepPreviousData });
  const points = useQuery({ ...organizationPointsQuery(filters), enabled: view === 'map' });
  const canManage = (session.roles ?? []).some((grant) => grant.role === 'platform_admin' || grant.role === 'district_coordinator');
  const total = list.data?.pages[0]?.total ?? 0;
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  const setFilter = (key: keyof DirectoryFilters, value: string | undefined) => setFilters({ ...filters, [key]: value || undefined });
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilter('q', search.trim());
  };
  // The list follows what is typed after a short pause, as the other directories do; Enter or the button search at once.
  const typed = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if (typed !== (filters.q ?? '')) setFilter('q', typed);
    // Only a change of the typed words searches: a filter changed elsewhere must not bring back the old words.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);
  const setView = (next: 'list' | 'map') => {
    const copy = new URLSearchParams(params);
    if (next === 'map') copy.set('vista', 'mappa');
    else copy.delete('vista');
    setParams(copy, { replace: true });
  };

  const columns: Column<TOrganizationSummary>[] = [
    {
      key: 'name',
      header: t('directory.name'),
      isRowHeader: true,
      cell: (o) => (
        <>
          <Link to={paths.organization(o.id)}>{o.legalName}</Link>
          {o.isDemo && <Badge color="warning" className="ms-2 demo-badge">{t('demoBadge')}</Badge>}
        </>
      ),
    },
    { key: 'kind', header: t('directory.kind'), cell: (o) => kindLabel(t, o.kind) },
    { key: 'sector', header: t('directory.sector'), cell: (o) => sectorLabel(t, o.sector) },
    { key: 'size', header: t('directory.size'), cell: (o) => sizeLabel(t, o.sizeClass) ?? '—' },
    { key: 'place', header: t('directory.place'), cell: (o) => o.municipalityName ?? '—' },
    { key: 'tags', header: t('directory.tag'), cell: (o) => o.tags.join(', ') || '—' },
    { key: 'source', header: t('directory.source'), cell: (o) => o.source ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('directory.title')}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('directory.title') }]}
        lead={t('directory.lead')}
        aside={
          canManage ? (
            <div className="d-flex gap-2 flex-wrap">
              <Link className="btn btn-primary btn-sm" to={paths.organizationNew}>{t('directory.new')}</Link>
              <Link className="btn btn-outline-primary btn-sm" to={paths.organizationImport}>{t('directory.import')}</Link>
              <Link className="btn btn-outline-primary btn-sm" to={paths.organizationDuplicates}>{t('directory.duplicates')}</Link>
            </div>
          ) : undefined
        }
      />
      <form onSubmit={submitSearch} role="search" className="mb-3">
        <div className="d-flex gap-2 align-items-start">
          <TextField id="organizations-search" className="flex-grow-1" label={t('directory.search')} help={t('directory.searchHelp')} value={search} onChange={(event) => setSearch(event.target.value)} />
          <Button type="submit" color="primary" className="mt-4">{tCommon('ui.search', { defaultValue: 'Cerca' })}</Button>
        </div>
      </form>
      <fieldset className="mb-3">
        <legend className="h6 mb-4">{t('directory.filters')}</legend>
        <div className="row">
          <div className="col-md-4">
            <SelectField id="filter-kind" label={t('directory.kind')} value={filters.kind ?? ''} onChange={(e) => setFilter('kind', e.target.value)}>
              <option value="">{t('directory.any')}</option>
              {ORGANIZATION_KIND_CODES.map((code) => <option key={code} value={code}>{kindLabel(t, code)}</option>)}
            </SelectField>
          </div>
          <div className="col-md-4">
            <SelectField id="filter-sector" label={t('directory.sector')} value={filters.sector ?? ''} onChange={(e) => setFilter('sector', e.target.value)}>
              <option value="">{t('directory.any')}</option>
              {ORGANIZATION_SECTORS.map((code) => <option key={code} value={code}>{sectorLabel(t, code)}</option>)}
            </SelectField>
          </div>
          <div className="col-md-4">
            <SelectField id="filter-size" label={t('directory.size')} value={filters.sizeClass ?? ''} onChange={(e) => setFilter('sizeClass', e.target.value)}>
              <option value="">{t('directory.any')}</option>
              {ORGANIZATION_SIZE_CLASSES.map((code) => <option key={code} value={code}>{sizeLabel(t, code)}</option>)}
            </SelectField>
          </div>
          <div className="col-md-4">
            <SelectField id="filter-district" label={t('directory.district')} value={filters.districtId ?? ''} onChange={(e) => setFilter('districtId', e.target.value)}>
              <option value="">{t('directory.any')}</option>
              {(districts.data ?? []).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </SelectField>
          </div>
          <div className="col-md-4">
            <MunicipalityFilter value={filters.municipalityCode} onChange={(code) => setFilter('municipalityCode', code)} />
          </div>
          <div className="col-md-4">
            <TextField id="filter-tag" label={t('directory.tag')} defaultValue={filters.tag ?? ''} onBlur={(e) => setFilter('tag', e.target.value.trim().toLowerCase())} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); setFilter('tag', e.currentTarget.value.trim().toLowerCase()); } }} />
          </div>
        </div>
        <Button color="secondary" outline size="sm" onClick={() => { setSearch(''); setFilters({}); }}>{t('directory.reset')}</Button>
      </fieldset>

      <div className="d-flex flex-wrap gap-3 align-items-center mb-3">
        <p className="m-0" role="status" aria-live="polite"><strong>{list.data?.pages[0]?.isTotalCapped ? t('directory.resultsCapped', { count: total }) : t('directory.results', { count: total })}</strong></p>
        <div className="btn-group" role="group" aria-label={t('directory.viewLabel')}>
          <Button color="primary" outline={view !== 'list'} size="sm" aria-pressed={view === 'list'} onClick={() => setView('list')}>{t('directory.viewList')}</Button>
          <Button color="primary" outline={view !== 'map'} size="sm" aria-pressed={view === 'map'} onClick={() => setView('map')}>{t('directory.viewMap')}</Button>
        </div>
        <a className="btn btn-outline-secondary btn-sm" href={exportUrl(filters)} download>{t('directory.export')}</a>
      </div>

      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {view === 'map' && (
        <section aria-label={t('directory.mapLabel')} className="mb-4">
          <p id="organizations-map-alternative" className="small">{t('directory.mapAlternative')}</p>
          {points.isPending && <Loading />}
          {points.isError && <ApiErrorAlert error={points.error} onRetry={() => void points.refetch()} />}
          {points.data && points.data.truncated && <p className="small">{t('directory.mapTruncated', { count: points.data.items.length })}</p>}
          {points.data && points.data.items.length === 0 && <p>{t('directory.mapNoPoints')}</p>}
          {points.data && points.data.items.length > 0 && (
            <OrganizationsMap points={points.data.items} basemap={basemap} ariaLabel={t('directory.mapLabel')} describedBy="organizations-map-alternative" />
          )}
        </section>
      )}
      {view === 'list' && (
        <>
          {list.isPending && <Loading />}
          {list.data && (
            <DataTable caption={t('directory.caption')} isCaptionHidden columns={columns} rows={rows} rowKey={(o) => o.id} emptyText={t('directory.empty')} />
          )}
          {list.hasNextPage && (
            <Button color="primary" outline onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>{t('directory.loadMore')}</Button>
          )}
        </>
      )}
    </>
  );
}
