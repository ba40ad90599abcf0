import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Badge, Button, Col, Row } from 'design-react-kit';
import type { TCoverageGroup, TCoverageReport, TProposalCreate } from '../../../common/contracts/matching';
import { COVERAGE_DEFAULTS, OFFERED_RADII_KM, type ZoneKind } from '../../../common/domain/matching';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { DataTable, type Column } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/form-field';
import { ChoroplethMap } from '../../ui/map/lazy-choropleth-map';
import { SymbolLegend } from '../../ui/map/map-legend';
import { NO_DATA_COLOR } from '../../ui/map/palette';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useBasemap } from '../../app/use-basemap';
import { useSession } from '../../app/session';
import { isSignedIn } from '../../app/access';
import { formatCoverage, formatDecimal, formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { districtBoundariesQuery, districtsQuery } from '../districts';
import { zoningsQuery } from '../zonings';
import { COVERAGE_CLASS_COLORS, COVERAGE_CLASSIFICATION, coverageClassOf, sortGroups, type GroupSort } from './coverage-classes';
import { DISTRICT_PARAM, districtShown, matchingPaths } from './matching-paths';
import { GroupWhy } from './group-why';
import { taxonomyQuery } from '../services';
import { coverageCsvUrl, coverageQuery, createProposal, proposalsQuery, type CoverageFilters } from './matching.queries';

/**
 * The gap map: a district's open needs grouped by category × target group × zone (a municipality, the whole district or
 * each zone of a zoning) against the services that reach them; for municipalities a map coloured by coverage; a
 * sortable table with the "why" of every number, CSV export, and (for coordinators) a proposal for a shared service
 * from any group.
 */
export function MatchingPage() {
  const { t } = useTranslation('matching');
  const { t: tCommon } = useTranslation();
  const { session } = useSession();
  const districts = useQuery({ ...districtsQuery, enabled: isSignedIn(session) });
  const coordinated = (session?.roles ?? []).filter((grant) => grant.role === 'district_coordinator' && grant.scopeId).map((grant) => grant.scopeId!);
  // The district is in the address (?distretto=…): links from the district page and the home open the page on it.
  const [searchParams, setSearchParams] = useSearchParams();
  const districtId = districtShown(searchParams.get(DISTRICT_PARAM), coordinated, districts.data);
  const chooseDistrict = (id: string) => setSearchParams((current) => {
    const next = new URLSearchParams(current);
    next.set(DISTRICT_PARAM, id);
    return next;
  }, { replace: true });
  const shownName = districts.data?.find((district) => district.id === districtId)?.name;

  const header = (
    <PageHeader title={t('title')} breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('title') }]} lead={t('lead')} />
  );
  if (!isSignedIn(session)) {
    return (
      <>
        {header}
        <Notice color="info" role="note">
          <p className="mb-0">
            {t('signInFirst')} <Link to={paths.login}>{tCommon('header.login')}</Link>
          </p>
        </Notice>
      </>
    );
  }
  return (
    <>
      {header}
      {districts.isError && <ApiErrorAlert error={districts.error} onRetry={() => void districts.refetch()} />}
      {districts.data && districts.data.length > 1 && (
        <SelectField id="matching-district" label={t('district')} value={districtId ?? ''} onChange={(event) => chooseDistrict(event.target.value)}>
          {districts.data.map((district) => (
            <option key={district.id} value={district.id}>
              {district.name}
            </option>
          ))}
        </SelectField>
      )}
      {districts.data && districts.data.length === 1 && shownName && (
        <p>
          {t('district')}: <strong>{shownName}</strong>
        </p>
      )}
      {districtId ? <DistrictMatching key={districtId} districtId={districtId} /> : districts.isPending ? <Loading /> : <p>{t('noDistrict')}</p>}
    </>
  );
}

function DistrictMatching({ districtId }: { districtId: string }) {
  const { t, i18n } = useTranslation('matching');
  const [form, setForm] = useState({
    zone: 'municipality',
    categoryCode: '',
    radiusKm: String(COVERAGE_DEFAULTS.radiusKm),
    threshold: String(COVERAGE_DEFAULTS.threshold),
    periodDays: String(COVERAGE_DEFAULTS.periodDays),
  });
  const [filters, setFilters] = useState<CoverageFilters>({
    districtId,
    zoneKind: 'municipality',
    zoningId: '',
    categoryCode: '',
    radiusKm: COVERAGE_DEFAULTS.radiusKm,
    threshold: COVERAGE_DEFAULTS.threshold,
    periodDays: COVERAGE_DEFAULTS.periodDays,
  });
  const coverage = useQuery(coverageQuery(filters));
  const zonings = useQuery(zoningsQuery);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    // One select for the zone: "municipality", "district" or "zoning:<id>" (each zone of that zoning).
    const [zoneKind, zoningId = ''] = form.zone.split(':') as [ZoneKind, string?];
    setFilters({
      districtId,
      zoneKind,
      zoningId,
      categoryCode: form.categoryCode,
      radiusKm: Number(form.radiusKm) || 0,
      threshold: Number(form.threshold) || 0,
      periodDays: Number(form.periodDays) || COVERAGE_DEFAULTS.periodDays,
    });
  };
  const taxonomy = useQuery(taxonomyQuery);
  // The top-level categories of the groups shown (and the one filtered on), by their label in the reader's language.
  const categories = useMemo(() => {
    const codes = new Set((coverage.data?.groups ?? []).map((group) => group.categoryCode.split('.')[0]!));
    if (filters.categoryCode) codes.add(filters.categoryCode);
    const labelOf = (code: string) => {
      const term = taxonomy.data?.find((candidate) => candidate.code === code);
      return term ? (i18n.language === 'en' ? term.labelEn : term.labelIt) : code;
    };
    return [...codes].map((code) => ({ code, label: labelOf(code) })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  }, [coverage.data, taxonomy.data, filters.categoryCode, i18n.language]);

  return (
    <>
      {/* The ways to the proposals and referrals come first: the analysis below can be thousands of pixels long. */}
      <nav aria-label={t('quickLinks.label')} className="mb-3">
        <ul className="list-inline mb-0">
          <li className="list-inline-item me-3">
            <a href="#proposals-heading">{t('quickLinks.proposals')}</a>
          </li>
          <li className="list-inline-item me-3">
            <Link to={matchingPaths.referrals}>{t('referrals.link')}</Link>
          </li>
        </ul>
      </nav>
      <form className="row g-3 align-items-end mb-4" onSubmit={apply} aria-label={t('filters.label')}>
        <Col md={3}>
          <SelectField id="matching-zone" label={t('filters.zone')} value={form.zone} onChange={(event) => setForm({ ...form, zone: event.target.value })}>
            <option value="municipality">{t('filters.zoneKinds.municipality')}</option>
            <option value="district">{t('filters.zoneKinds.district')}</option>
            {(zonings.data ?? []).map((zoning) => (
              <option key={zoning.id} value={`zoning:${zoning.id}`}>
                {t('filters.zoneKinds.zoning', { name: zoning.name })}
              </option>
            ))}
          </SelectField>
        </Col>
        <Col md={3}>
          <SelectField id="matching-category" label={t('filters.category')} value={form.categoryCode} onChange={(event) => setForm({ ...form, categoryCode: event.target.value })}>
            <option value="">{t('filters.allCategories')}</option>
            {categories.map((category) => (
              <option key={category.code} value={category.code}>
                {category.label}
              </option>
            ))}
          </SelectField>
        </Col>
        <Col md={2}>
          <SelectField id="matching-radius" label={t('filters.radius')} value={form.radiusKm} onChange={(event) => setForm({ ...form, radiusKm: event.target.value })}>
            {OFFERED_RADII_KM.map((km) => (
              <option key={km} value={String(km)}>
                {km === 0 ? t('filters.radiusNone') : t('filters.radiusKm', { km })}
              </option>
            ))}
          </SelectField>
        </Col>
        <Col md={2}>
          <TextField id="matching-threshold" type="number" min={0} step={0.1} label={t('filters.threshold')} value={form.threshold} onChange={(event) => setForm({ ...form, threshold: event.target.value })} />
        </Col>
        <Col md={2}>
          <TextField id="matching-period" type="number" min={1} max={730} label={t('filters.period')} value={form.periodDays} onChange={(event) => setForm({ ...form, periodDays: event.target.value })} />
        </Col>
        <Col md={3}>
          <Button color="primary" type="submit">
            {t('filters.apply')}
          </Button>
        </Col>
      </form>
      {coverage.isPending && <Loading />}
      {coverage.isError && <ApiErrorAlert error={coverage.error} onRetry={() => void coverage.refetch()} />}
      {coverage.data && (
        <>
          <GapSummary report={coverage.data} />
          {coverage.data.parameters.zoneKind === 'municipality' ? (
            <Row className="g-4">
              <Col lg={6}>
                <GapMap report={coverage.data} districtId={districtId} />
              </Col>
              <Col lg={6}>
                <MunicipalityList report={coverage.data} />
              </Col>
            </Row>
          ) : (
            <p>{t('map.onlyByMunicipality')}</p>
          )}
          <GroupsTable report={coverage.data} filters={filters} />
          <p>
            <a href={coverageCsvUrl(filters)} download>
              {t('csv')}
            </a>
          </p>
        </>
      )}
      <ProposalsList districtId={districtId} />
    </>
  );
}

function GapSummary({ report }: { report: TCoverageReport }) {
  const { t } = useTranslation('matching');
  const gaps = report.groups.filter((group) => group.isGap).length;
  const uncovered = report.groups.filter((group) => group.gapReason === 'no_supply').length;
  return (
    <p className="lead" role="status">
      {t('summary', { groups: report.groups.length, gaps, uncovered })}
    </p>
  );
}

function GapMap({ report, districtId }: { report: TCoverageReport; districtId: string }) {
  const { t, i18n } = useTranslation('matching');
  const basemap = useBasemap();
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const highlightIds = useMemo(() => (selectedCode ? [selectedCode] : []), [selectedCode]);
  const shapes = useQuery(districtBoundariesQuery(districtId));
  const byCode = useMemo(() => new Map(report.municipalities.map((m) => [m.code, m])), [report]);
  const collection = useMemo(() => {
    if (!shapes.data) return null;
    return {
      type: 'FeatureCollection' as const,
      features: shapes.data.features.map((feature) => {
        const municipality = byCode.get(feature.properties.istatCode);
        return { ...feature, properties: { ...feature.properties, coverageClass: municipality ? coverageClassOf(municipality) : null } };
      }),
    };
  }, [shapes.data, byCode]);
  const tooltip = (properties: Record<string, unknown>) => {
    const municipality = byCode.get(String(properties.istatCode));
    if (!municipality) return t('map.noNeeds', { name: String(properties.name) });
    return t(`map.tooltip.${coverageClassOf(municipality)}`, { name: municipality.name, people: municipality.peopleCount });
  };
  return (
    <section aria-labelledby="gap-map-heading">
      <h2 id="gap-map-heading" className="h4">
        {t('map.title')}
      </h2>
      <p id="gap-map-alternative" className="small">
        {t('map.alternative')}
      </p>
      {shapes.isError ? (
        <ApiErrorAlert error={shapes.error} onRetry={() => void shapes.refetch()} />
      ) : (
        <ChoroplethMap
          collection={collection}
          idProperty="istatCode"
          classification={COVERAGE_CLASSIFICATION}
          basemap={basemap}
          dataAttribution={t('map.attribution')}
          ariaLabel={t('map.ariaLabel')}
          describedBy="gap-map-alternative"
          height="24rem"
          tooltip={tooltip}
          highlightIds={highlightIds}
          onFeatureClick={setSelectedCode}
          testId="gap-map"
        />
      )}
      <SymbolLegend
        title={t('map.legend')}
        items={[
          ...COVERAGE_CLASS_COLORS.map((color, index) => ({ key: `class-${index}`, color, label: t(`map.class.${index as 0 | 1 | 2}`) })),
          { key: 'none', color: NO_DATA_COLOR, label: t('map.class.none') },
        ]}
      />
      <section aria-labelledby="gap-map-panel-heading" className="mt-3" data-testid="gap-map-panel">
        <h3 id="gap-map-panel-heading" className="h5">
          {t('map.panelTitle')}
        </h3>
        <div aria-live="polite">
          {selectedCode === null ? (
            <p className="small mb-0">{t('map.panelEmpty')}</p>
          ) : byCode.get(selectedCode) ? (
            <dl className="facts facts--compact mb-0">
              <dt>{t('municipalities.name')}</dt>
              <dd>{byCode.get(selectedCode)!.name}</dd>
              <dt>{t('municipalities.state')}</dt>
              <dd>
                <CoverageBadge coverageClass={coverageClassOf(byCode.get(selectedCode)!)} />
              </dd>
              <dt>{t('municipalities.people')}</dt>
              <dd>{formatNumber(byCode.get(selectedCode)!.peopleCount, i18n.language)}</dd>
              <dt>{t('municipalities.minimumCoverage')}</dt>
              <dd>
                {byCode.get(selectedCode)!.minimumCoverage === null
                  ? '—'
                  : formatCoverage(byCode.get(selectedCode)!.minimumCoverage!, i18n.language, report.parameters.threshold)}
              </dd>
            </dl>
          ) : (
            <p className="mb-0">
              {t('map.noNeeds', { name: String(shapes.data?.features.find((feature) => feature.properties.istatCode === selectedCode)?.properties.name ?? '') })}
            </p>
          )}
        </div>
      </section>
    </section>
  );
}

function MunicipalityList({ report }: { report: TCoverageReport }) {
  const { t, i18n } = useTranslation('matching');
  const columns: Column<TCoverageReport['municipalities'][number]>[] = [
    { key: 'name', header: t('municipalities.name'), isRowHeader: true, cell: (m) => m.name },
    { key: 'state', header: t('municipalities.state'), cell: (m) => <CoverageBadge coverageClass={coverageClassOf(m)} /> },
    { key: 'people', header: t('municipalities.people'), isNumeric: true, cell: (m) => formatNumber(m.peopleCount, i18n.language) },
    { key: 'coverage', header: t('municipalities.minimumCoverage'), isNumeric: true, cell: (m) => (m.minimumCoverage === null ? '—' : formatCoverage(m.minimumCoverage, i18n.language, report.parameters.threshold)) },
  ];
  const rows = [...report.municipalities].sort((a, b) => coverageClassOf(a) - coverageClassOf(b) || a.name.localeCompare(b.name, 'it'));
  return <DataTable caption={t('municipalities.caption')} columns={columns} rows={rows} rowKey={(m) => m.code} emptyText={t('municipalities.none')} />;
}

function CoverageBadge({ coverageClass }: { coverageClass: 0 | 1 | 2 }) {
  const { t } = useTranslation('matching');
  const color = coverageClass === 0 ? 'danger' : coverageClass === 1 ? 'warning' : 'success';
  return <Badge color={color}>{t(`map.class.${coverageClass}`)}</Badge>;
}

const groupKey = (group: TCoverageGroup) => `${group.categoryCode}|${group.targetGroup}|${group.zoneKey}`;

function GroupsTable({ report, filters }: { report: TCoverageReport; filters: CoverageFilters }) {
  const { t, i18n } = useTranslation('matching');
  const [sort, setSort] = useState<GroupSort>('coverage');
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [proposingKey, setProposingKey] = useState<string | null>(null);
  const rows = useMemo(() => sortGroups(report.groups, sort), [report.groups, sort]);
  const number = (value: number) => formatNumber(value, i18n.language);
  const columns: Column<TCoverageGroup>[] = [
    { key: 'zone', header: report.parameters.zoneKind === 'municipality' ? t('groups.zone') : t('groups.zoneOther'), isRowHeader: true, cell: (g) => g.zoneLabel },
    { key: 'category', header: t('groups.category'), cell: (g) => g.categoryLabel },
    { key: 'target', header: t('groups.targetGroup'), cell: (g) => t(`targetGroups.${g.targetGroup}` as 'targetGroups.adults', { defaultValue: g.targetGroup }) },
    { key: 'organizations', header: t('groups.organizations'), isNumeric: true, cell: (g) => number(g.organizationCount) },
    { key: 'people', header: t('groups.people'), isNumeric: true, cell: (g) => number(g.peopleCount) },
    { key: 'trend', header: t('groups.trend'), cell: (g) => t(`trend.${g.trend}`) },
    { key: 'free', header: t('groups.freeCapacity'), isNumeric: true, cell: (g) => t('groups.freeOf', { free: number(g.freeCapacity), count: g.serviceCount }) },
    { key: 'coverage', header: t('groups.coverage'), isNumeric: true, cell: (g) => formatCoverage(g.coverage, i18n.language, report.parameters.threshold) },
    { key: 'state', header: t('groups.state'), cell: (g) => <CoverageBadge coverageClass={g.gapReason === 'no_supply' ? 0 : g.isGap ? 1 : 2} /> },
    {
      key: 'actions',
      header: t('groups.actions'),
      cell: (g) => (
        <div className="d-flex flex-wrap gap-2">
          {/* The accessible name adds the row's zone and category (sighted users read them in the row); it starts with the
              visible text, so speech input users can say what they see. */}
          <Button
            size="xs"
            color="primary"
            outline
            aria-expanded={openKey === groupKey(g)}
            aria-label={t('groups.why', { zone: g.zoneLabel, category: g.categoryLabel })}
            onClick={() => setOpenKey(openKey === groupKey(g) ? null : groupKey(g))}
          >
            {t('groups.whyShort')}
          </Button>
          {report.canPropose && g.organizationCount > 0 && (
            <Button
              size="xs"
              color="primary"
              aria-label={t('groups.propose', { zone: g.zoneLabel, category: g.categoryLabel })}
              onClick={() => setProposingKey(proposingKey === groupKey(g) ? null : groupKey(g))}
            >
              {t('groups.proposeShort')}
            </Button>
          )}
        </div>
      ),
    },
  ];
  return (
    <section aria-labelledby="groups-heading" className="mt-4">
      <h2 id="groups-heading" className="h4">
        {t('groups.title')}
      </h2>
      <SelectField id="groups-sort" className="mt-4 col-md-6 px-0" label={t('groups.sort')} value={sort} onChange={(event) => setSort(event.target.value as GroupSort)}>
        <option value="coverage">{t('groups.sortBy.coverage')}</option>
        <option value="people">{t('groups.sortBy.people')}</option>
        <option value="category">{t('groups.sortBy.category')}</option>
        <option value="zone">{t('groups.sortBy.zone')}</option>
      </SelectField>
      <DataTable
        caption={t(report.parameters.zoneKind === 'municipality' ? 'groups.caption' : 'groups.captionZones', {
          threshold: formatDecimal(report.parameters.threshold, i18n.language),
          radius: formatDecimal(report.parameters.radiusKm, i18n.language, 1),
        })}
        columns={columns}
        rows={rows}
        rowKey={groupKey}
        emptyText={t('groups.none')}
        renderAfterRow={(g) =>
          openKey === groupKey(g) || proposingKey === groupKey(g) ? (
            <tr>
              <td colSpan={columns.length}>
                {proposingKey === groupKey(g) && <ProposalForm group={g} filters={filters} />}
                {openKey === groupKey(g) && <GroupWhy group={g} filters={filters} />}
              </td>
            </tr>
          ) : null
        }
      />
    </section>
  );
}

function ProposalForm({ group, filters }: { group: TCoverageGroup; filters: CoverageFilters }) {
  const { t } = useTranslation('matching');
  const navigate = useNavigate();
  const [title, setTitle] = useState(t('proposalForm.defaultTitle', { category: group.categoryLabel, zone: group.zoneLabel }));
  const [joinThreshold, setJoinThreshold] = useState(String(Math.min(2, Math.max(1, group.organizationCount))));
  const create = useMutation({
    mutationFn: () =>
      createProposal({
        districtId: filters.districtId,
        zoneKind: filters.zoneKind,
        ...(filters.zoneKind === 'zoning' ? { zoningId: filters.zoningId } : {}),
        zoneKey: group.zoneKey,
        categoryCode: group.categoryCode,
        targetGroup: group.targetGroup as TProposalCreate['targetGroup'],
        radiusKm: filters.radiusKm,
        title,
        description: '',
        joinThreshold: Number(joinThreshold) || 1,
        providerCount: 3,
      }),
    onSuccess: (proposal) => void navigate(matchingPaths.proposal(proposal.id)),
  });
  return (
    <form
      className="border rounded p-3 mb-3"
      aria-label={t('proposalForm.label')}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <h3 className="h5">{t('proposalForm.title')}</h3>
      <TextField id={`proposal-title-${group.zoneKey}`} label={t('proposalForm.name')} value={title} onChange={(event) => setTitle(event.target.value)} isRequired />
      <TextField
        id={`proposal-threshold-${group.zoneKey}`}
        type="number"
        min={1}
        label={t('proposalForm.joinThreshold')}
        help={t('proposalForm.joinThresholdHelp')}
        value={joinThreshold}
        onChange={(event) => setJoinThreshold(event.target.value)}
      />
      {create.isError && <ApiErrorAlert error={create.error} />}
      <Button color="primary" type="submit" disabled={create.isPending}>
        {t('proposalForm.submit')}
      </Button>
    </form>
  );
}

function ProposalsList({ districtId }: { districtId: string }) {
  const { t, i18n } = useTranslation('matching');
  const proposals = useQuery(proposalsQuery(districtId));
  return (
    <section aria-labelledby="proposals-heading" className="mt-4">
      <h2 id="proposals-heading" className="h4">
        {t('proposals.title')}
      </h2>
      {proposals.isError && <ApiErrorAlert error={proposals.error} onRetry={() => void proposals.refetch()} />}
      {proposals.data && (
        <DataTable
          caption={t('proposals.caption')}
          isCaptionHidden
          columns={[
            { key: 'title', header: t('proposals.name'), isRowHeader: true, cell: (p) => <Link to={matchingPaths.proposal(p.id)}>{p.title}</Link> },
            { key: 'zone', header: t('groups.zone'), cell: (p) => p.zoneLabel },
            { key: 'people', header: t('groups.people'), isNumeric: true, cell: (p) => formatNumber(p.peopleCovered, i18n.language) },
            { key: 'joined', header: t('proposals.joined'), isNumeric: true, cell: (p) => `${p.joinedCount} / ${p.joinThreshold}` },
            { key: 'status', header: t('proposals.status'), cell: (p) => t(`proposalStatus.${p.status}`) },
          ]}
          rows={proposals.data}
          rowKey={(p) => p.id}
          emptyText={t('proposals.none')}
        />
      )}
    </section>
  );
}
