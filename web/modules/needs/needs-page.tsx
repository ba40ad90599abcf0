import { useMemo, useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Col, Row } from 'design-react-kit';
import type { TNeed, TNeedCounts, TNeedFilters } from '../../../common/contracts/needs';
import type { TDistrict } from '../../../common/contracts/districts';
import { NEED_SOURCES, NEED_STATUSES, canChangeNeedStatus, type NeedStatus } from '../../../common/domain/needs';
import { TARGET_GROUPS } from '../../../common/domain/services';
import { fieldsOf, isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { describeFieldIssue } from '../../app/error-messages';
import { actsForOrganization, isPlatformAdmin, isDistrictCoordinator, isSignedIn } from '../../app/access';
import { formatNumber } from '../../app/format';
import { RequireAccess } from '../../app/require-access';
import { useSession } from '../../app/session';
import { useBasemap } from '../../app/use-basemap';
import { DataTable, type Column } from '../../ui/data-table';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { ChoroplethMap } from '../../ui/map/lazy-choropleth-map';
import { quantileBreaks } from '../../ui/map/class-breaks';
import { Notice } from '../../ui/notice';
import { PageHeader } from '../../ui/page-header';
import { districtBoundariesQuery, districtQuery, districtsQuery } from '../districts/districts.queries';
import { matchingPaths } from '../matching/matching-paths';
import { answeringServicesQuery, changeNeedStatus, createNeed, needCategoriesQuery, needsCountsQuery, needsListQuery } from './needs.queries';

const MAP_COLORS = ['#e8f1fa', '#b9d3ee', '#7fb0df', '#4a8bcb', '#1f63a8', '#0b3e73'];
type FilterKey = Exclude<keyof TNeedFilters, 'districtId'>;
const FILTER_KEYS: FilterKey[] = ['categoryCode', 'targetGroup', 'municipalityCode', 'status', 'source', 'organizationId'];

function useCategoryLabel() {
  const { i18n } = useTranslation();
  const categories = useQuery(needCategoriesQuery);
  return useMemo(() => {
    const byCode = new Map((categories.data ?? []).map((term) => [term.code, i18n.language === 'en' ? term.labelEn : term.labelIt]));
    return { label: (code: string) => byCode.get(code) ?? code, terms: categories.data ?? [] };
  }, [categories.data, i18n.language]);
}

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
      <NeedFilters district={district} filters={filters} onFilters={onFilters} />
      {counts.isError && isApiError(counts.error) && counts.error.status === 403 ? (
        <Notice color="info" role="note">
          <p className="mb-0">{counts.error.message}</p>
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
          <CountTables counts={counts.data} />
        </>
      )}
      <NeedsList filters={filters} canChangeStatus={canSeeAll} />
      <NeedForm district={district} canSeeAll={canSeeAll} />
    </>
  );
}

function NeedFilters({ district, filters, onFilters }: { district: TDistrict; filters: Partial<TNeedFilters>; onFilters: (next: Record<string, string>) => void }) {
  const { t } = useTranslation('needs');
  const { t: ts } = useTranslation('services');
  const categories = useCategoryLabel();
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(FILTER_KEYS.map((key) => [key, (filters[key] as string | undefined) ?? ''])));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onFilters(Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== '')));
  };
  const select = (key: FilterKey, label: string, options: { value: string; label: string }[]) => (
    <Col md={4} key={key}>
      <SelectField id={`needs-filter-${key}`} label={label} value={draft[key] ?? ''} onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}>
        <option value="">{t('filters.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
    </Col>
  );
  return (
    <form onSubmit={submit} className="mb-4" aria-labelledby="needs-filters-heading">
      <h2 id="needs-filters-heading" className="h4 mb-4">
        {t('filters.title')}
      </h2>
      <Row>
        {select('categoryCode', t('filters.category'), categories.terms.filter((term) => term.parentId !== null).map((term) => ({ value: term.code, label: categories.label(term.code) })))}
        {select('targetGroup', t('filters.targetGroup'), TARGET_GROUPS.map((group) => ({ value: group, label: ts(`targetGroups.${group}`) })))}
        {select('municipalityCode', t('filters.municipality'), district.municipalities.map((m) => ({ value: m.istatCode, label: m.name })))}
        {select('status', t('filters.status'), NEED_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) })))}
        {select('source', t('filters.source'), NEED_SOURCES.map((source) => ({ value: source, label: t(`sources.${source}`) })))}
        {select('organizationId', t('form.organization'), district.members.map((member) => ({ value: member.organizationId, label: member.name })))}
      </Row>
      <Button color="primary" type="submit" size="sm">
        {t('filters.apply')}
      </Button>{' '}
      <Button
        color="secondary"
        outline
        type="button"
        size="sm"
        onClick={() => {
          setDraft({});
          onFilters({});
        }}
      >
        {t('filters.reset')}
      </Button>
    </form>
  );
}

function NeedsMap({ district, counts }: { district: TDistrict; counts: TNeedCounts }) {
  const { t, i18n } = useTranslation('needs');
  const basemap = useBasemap();
  const boundaries = useQuery(districtBoundariesQuery(district.id));
  const byCode = useMemo(() => new Map(counts.byMunicipality.map((row) => [row.municipalityCode, row.needs])), [counts]);
  const collection = useMemo(
    () =>
      boundaries.data
        ? { ...boundaries.data, features: boundaries.data.features.map((feature) => ({ ...feature, properties: { ...feature.properties, needs: byCode.get(feature.properties.istatCode) ?? 0 } })) }
        : null,
    [boundaries.data, byCode],
  );
  const classification = useMemo(() => {
    const breaks = quantileBreaks([0, ...counts.byMunicipality.map((row) => row.needs)], 5);
    return { valueProperty: 'needs', breaks, colors: MAP_COLORS.slice(0, breaks.length + 1) };
  }, [counts]);
  return (
    <section aria-labelledby="needs-map-heading" className="mb-4">
      <h2 id="needs-map-heading" className="h4">
        {t('map.title')}
      </h2>
      <p id="needs-map-alternative" className="small">
        {t('map.alternative')}
      </p>
      {boundaries.isError ? (
        <ApiErrorAlert error={boundaries.error} />
      ) : (
        <ChoroplethMap
          collection={collection}
          idProperty="istatCode"
          classification={classification}
          basemap={basemap}
          dataAttribution={t('territory.dataAttribution', { ns: 'translation' })}
          ariaLabel={t('map.ariaLabel')}
          describedBy="needs-map-alternative"
          height="24rem"
          tooltip={(properties) => t('map.tooltip', { name: String(properties.name), count: formatNumber(Number(properties.needs ?? 0), i18n.language) as unknown as number })}
        />
      )}
    </section>
  );
}

function CountTables({ counts }: { counts: TNeedCounts }) {
  const { t, i18n } = useTranslation('needs');
  const categories = useCategoryLabel();
  const number = (value: number) => formatNumber(value, i18n.language);
  const byMunicipality: Column<TNeedCounts['byMunicipality'][number]>[] = [
    { key: 'name', header: t('counts.municipality'), isRowHeader: true, cell: (row) => row.municipalityName },
    { key: 'needs', header: t('counts.needs'), isNumeric: true, cell: (row) => number(row.needs) },
    { key: 'people', header: t('counts.people'), isNumeric: true, cell: (row) => number(row.people) },
  ];
  const byCategoryMunicipality: Column<TNeedCounts['byCategoryMunicipality'][number]>[] = [
    { key: 'category', header: t('counts.category'), isRowHeader: true, cell: (row) => categories.label(row.categoryCode) },
    { key: 'municipality', header: t('counts.municipality'), cell: (row) => row.municipalityName },
    { key: 'needs', header: t('counts.needs'), isNumeric: true, cell: (row) => number(row.needs) },
    { key: 'people', header: t('counts.people'), isNumeric: true, cell: (row) => number(row.people) },
    { key: 'relevance', header: t('counts.meanRelevance'), isNumeric: true, cell: (row) => (row.meanRelevance === null ? '—' : row.meanRelevance.toLocaleString(i18n.language)) },
  ];
  return (
    <Row className="g-4 mb-4">
      <Col lg={5}>
        <p className="fw-semibold">{t('counts.total', { needs: counts.total.needs, people: counts.total.people })}</p>
        <DataTable caption={t('counts.byMunicipality')} columns={byMunicipality} rows={counts.byMunicipality} rowKey={(row) => row.municipalityCode} />
      </Col>
      <Col lg={7}>
        <DataTable
          caption={t('counts.byCategoryMunicipality')}
          columns={byCategoryMunicipality}
          rows={counts.byCategoryMunicipality}
          rowKey={(row) => `${row.categoryCode}|${row.municipalityCode}`}
        />
      </Col>
    </Row>
  );
}

function NeedsList({ filters, canChangeStatus }: { filters: Partial<TNeedFilters> & { districtId: string }; canChangeStatus: boolean }) {
  const { t, i18n } = useTranslation('needs');
  const { t: ts } = useTranslation('services');
  const categories = useCategoryLabel();
  const [editing, setEditing] = useState<string | null>(null);
  const list = useInfiniteQuery(needsListQuery(filters));
  const { session } = useSession();
  // Members refer their own organization's open needs to a service (the matching module's page).
  const canRefer = (need: TNeed) => need.status === 'open' && actsForOrganization(session, need.organizationId);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((page) => page.items);
  const total = list.data.pages[0]?.total ?? 0;
  const columns: Column<TNeed>[] = [
    { key: 'date', header: t('list.expressedOn'), cell: (need) => new Date(`${need.expressedOn}T12:00:00Z`).toLocaleDateString(i18n.language) },
    { key: 'category', header: t('list.category'), isRowHeader: true, cell: (need) => categories.label(need.categoryCode) },
    { key: 'target', header: t('list.targetGroup'), cell: (need) => ts(`targetGroups.${need.targetGroup}` as 'targetGroups.children') },
    { key: 'municipality', header: t('list.municipality'), cell: (need) => need.municipalityName },
    { key: 'organization', header: t('list.organization'), cell: (need) => need.organizationName ?? t('list.anonymous') },
    { key: 'people', header: t('list.people'), isNumeric: true, cell: (need) => formatNumber(need.peopleCount, i18n.language) },
    { key: 'relevance', header: t('list.relevance'), isNumeric: true, cell: (need) => need.relevance ?? '—' },
    {
      key: 'status',
      header: t('list.status'),
      cell: (need) => (
        <>
          {t(`statuses.${need.status}`)}
          {need.answeredByServiceName && <div className="small">{t('list.answeredBy', { name: need.answeredByServiceName })}</div>}
        </>
      ),
    },
    { key: 'description', header: t('list.description'), cell: (need) => <span className="small">{need.description}</span> },
    ...(canChangeStatus || items.some(canRefer)
      ? [
          {
            key: 'actions',
            header: t('list.actions'),
            cell: (need: TNeed) => (
              <div className="d-flex flex-wrap gap-2">
                {canChangeStatus && (
                  <Button size="xs" color="primary" outline type="button" aria-expanded={editing === need.id} onClick={() => setEditing(editing === need.id ? null : need.id)}>
                    {t('status.change')}
                  </Button>
                )}
                {canRefer(need) && (
                  <Link
                    className="btn btn-primary btn-xs"
                    to={matchingPaths.newReferral(need.id)}
                    aria-label={t('list.referFor', { category: categories.label(need.categoryCode), municipality: need.municipalityName })}
                  >
                    {t('list.refer')}
                  </Link>
                )}
              </div>
            ),
          },
        ]
      : []),
  ];
  return (
    <section aria-labelledby="needs-list-heading" className="mb-4">
      <h2 id="needs-list-heading" className="h4">
        {t('list.title')} <span className="small text-muted">({t('list.count', { shown: items.length, total })})</span>
      </h2>
      <DataTable
        caption={t('list.title')}
        isCaptionHidden
        columns={columns}
        rows={items}
        rowKey={(need) => need.id}
        emptyText={t('list.empty')}
        renderAfterRow={(need) =>
          editing === need.id ? (
            <tr>
              <td colSpan={columns.length}>
                <StatusForm need={need} categoryLabel={categories.label(need.categoryCode)} onDone={() => setEditing(null)} />
              </td>
            </tr>
          ) : null
        }
      />
      {list.hasNextPage && (
        <Button color="secondary" outline size="sm" type="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('list.more')}
        </Button>
      )}
    </section>
  );
}

function StatusForm({ need, categoryLabel, onDone }: { need: TNeed; categoryLabel: string; onDone: () => void }) {
  const { t } = useTranslation('needs');
  const queryClient = useQueryClient();
  const targets = NEED_STATUSES.filter((status) => canChangeNeedStatus(need.status, status));
  const [status, setStatus] = useState<NeedStatus>(targets[0]!);
  const [serviceId, setServiceId] = useState('');
  const services = useQuery({ ...answeringServicesQuery(need.categoryCode, need.municipalityCode), enabled: status === 'answered_by_service' });
  const mutation = useMutation({
    mutationFn: () => changeNeedStatus(need.id, { version: need.version, status, answeredByServiceId: status === 'answered_by_service' ? serviceId || null : null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['needs'] });
      onDone();
    },
  });
  const fieldError = isApiError(mutation.error) ? fieldsOf(mutation.error.details).find((field) => field.path === 'answeredByServiceId')?.message : undefined;
  return (
    <form
      className="p-2"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate();
      }}
    >
      <Row>
        <Col md={5}>
          <SelectField id={`need-status-${need.id}`} label={t('status.newStatus', { category: categoryLabel, municipality: need.municipalityName })} value={status} onChange={(event) => setStatus(event.target.value as NeedStatus)}>
            {targets.map((target) => (
              <option key={target} value={target}>
                {t(`statuses.${target}`)}
              </option>
            ))}
          </SelectField>
        </Col>
        {status === 'answered_by_service' && (
          <Col md={5}>
            {services.isPending ? (
              <Loading />
            ) : services.data && services.data.length === 0 ? (
              <p className="small">{t('status.noServices')}</p>
            ) : (
              <SelectField id={`need-service-${need.id}`} label={t('status.service')} help={t('status.serviceHelp')} error={fieldError} isRequired value={serviceId} onChange={(event) => setServiceId(event.target.value)}>
                <option value="">{t('status.choose')}</option>
                {(services.data ?? []).map((service) => (
                  <option key={service.id} value={service.id}>
                    {service.name} — {service.provider.name}
                  </option>
                ))}
              </SelectField>
            )}
          </Col>
        )}
      </Row>
      {mutation.isError && !fieldError && <ApiErrorAlert error={mutation.error} />}
      <Button color="primary" size="sm" type="submit" disabled={mutation.isPending}>
        {t('status.save')}
      </Button>{' '}
      <Button color="secondary" outline size="sm" type="button" onClick={onDone}>
        {t('status.cancel')}
      </Button>
    </form>
  );
}

function NeedForm({ district, canSeeAll }: { district: TDistrict; canSeeAll: boolean }) {
  const { t } = useTranslation('needs');
  const { t: tc } = useTranslation();
  const { t: ts } = useTranslation('services');
  const { session } = useSession();
  const queryClient = useQueryClient();
  const categories = useCategoryLabel();
  const ownOrganizations = new Set((session.roles ?? []).filter((grant) => grant.scopeType === 'organization').map((grant) => grant.scopeId));
  const organizations = canSeeAll ? district.members : district.members.filter((member) => ownOrganizations.has(member.organizationId));
  const empty = { organizationId: organizations[0]?.organizationId ?? '', categoryCode: '', targetGroup: '', municipalityCode: '', peopleCount: '1', relevance: '', description: '' };
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      createNeed({
        districtId: district.id,
        organizationId: form.organizationId || null,
        categoryCode: form.categoryCode,
        targetGroup: form.targetGroup as TNeed['targetGroup'] & (typeof TARGET_GROUPS)[number],
        municipalityCode: form.municipalityCode,
        peopleCount: Number(form.peopleCount),
        relevance: form.relevance ? Number(form.relevance) : null,
        description: form.description,
      }),
    onSuccess: () => {
      setSaved(true);
      setForm(empty);
      void queryClient.invalidateQueries({ queryKey: ['needs'] });
    },
  });
  if (!canSeeAll && organizations.length === 0) return null;
  const fields = isApiError(mutation.error) ? fieldsOf(mutation.error.details) : [];
  const errorOf = (path: string) => {
    const issue = fields.find((field) => field.path === path);
    return issue ? describeFieldIssue(issue, tc) : undefined;
  };
  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [key]: event.target.value });
  };
  return (
    <section aria-labelledby="need-form-heading" className="mb-4">
      <h2 id="need-form-heading" className="h4 mb-4">
        {t('form.title')}
      </h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
      >
        <Row>
          <Col md={6}>
            <SelectField id="need-organization" label={t('form.organization')} value={form.organizationId} onChange={set('organizationId')} error={errorOf('organizationId')}>
              {canSeeAll && <option value="">{t('form.anonymous')}</option>}
              {organizations.map((member) => (
                <option key={member.organizationId} value={member.organizationId}>
                  {member.name}
                </option>
              ))}
            </SelectField>
          </Col>
          <Col md={6}>
            <SelectField id="need-category" label={t('form.category')} isRequired value={form.categoryCode} onChange={set('categoryCode')} error={errorOf('categoryCode')}>
              <option value="">{t('form.choose')}</option>
              {categories.terms
                .filter((term) => term.parentId !== null)
                .map((term) => (
                  <option key={term.code} value={term.code}>
                    {categories.label(term.code)}
                  </option>
                ))}
            </SelectField>
          </Col>
          <Col md={6}>
            <SelectField id="need-target" label={t('form.targetGroup')} isRequired value={form.targetGroup} onChange={set('targetGroup')} error={errorOf('targetGroup')}>
              <option value="">{t('form.choose')}</option>
              {TARGET_GROUPS.map((group) => (
                <option key={group} value={group}>
                  {ts(`targetGroups.${group}`)}
                </option>
              ))}
            </SelectField>
          </Col>
          <Col md={6}>
            <SelectField id="need-municipality" label={t('form.municipality')} isRequired value={form.municipalityCode} onChange={set('municipalityCode')} error={errorOf('municipalityCode')}>
              <option value="">{t('form.choose')}</option>
              {district.municipalities.map((m) => (
                <option key={m.istatCode} value={m.istatCode}>
                  {m.name}
                </option>
              ))}
            </SelectField>
          </Col>
          <Col md={3}>
            <TextField id="need-people" type="number" min={1} label={t('form.peopleCount')} value={form.peopleCount} onChange={set('peopleCount')} error={errorOf('peopleCount')} />
          </Col>
          <Col md={3}>
            <SelectField id="need-relevance" label={t('form.relevance')} value={form.relevance} onChange={set('relevance')} error={errorOf('relevance')}>
              <option value="">{t('form.relevanceNone')}</option>
              {[1, 2, 3, 4, 5].map((value) => (
                <option key={value} value={String(value)}>
                  {value}
                </option>
              ))}
            </SelectField>
          </Col>
          <Col md={12}>
            <TextAreaField id="need-description" label={t('form.description')} help={t('form.descriptionHelp')} value={form.description} onChange={set('description')} error={errorOf('description')} rows={3} />
          </Col>
        </Row>
        {mutation.isError && fields.length === 0 && <ApiErrorAlert error={mutation.error} />}
        {saved && (
          <p role="status" className="text-success">
            {t('form.saved')}
          </p>
        )}
        <Button color="primary" type="submit" disabled={mutation.isPending}>
          {t('form.submit')}
        </Button>
      </form>
    </section>
  );
}

