import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Badge, Col, Row } from 'design-react-kit';
import type { TDistrict } from '../../../common/contracts/districts';
import type { TMunicipalitySummary } from '../../../common/contracts/territory';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { DataTable, type Column } from '../../ui/data-table';
import { ChoroplethMap } from '../../ui/map/lazy-choropleth-map';
import { MapLegend } from '../../ui/map/map-legend';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { isNotFound } from '../../app/error-messages';
import { useBasemap } from '../../app/use-basemap';
import { useSession } from '../../app/session';
import { canEditDistrict, isSignedIn } from '../../app/access';
import { formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { usePopulationClasses, usePopulationFormatters } from '../territory';
import { districtBoundariesQuery, districtQuery } from './districts.queries';
import { DistrictEditForm } from './district-edit-form';
import { kindLabel, roleLabel, sectorLabel } from './district-labels';
import { DistrictArea } from './district-area';
import { DistrictGovernance } from './district-governance';
import { DistrictActivityLinks } from './district-activity-links';
import { DistrictGroupsLink } from '../groups';
import { practicesPaths } from '../practices';
import { DistrictProjectsLink } from '../projects';
import { LabelsLink } from '../labels';
import { DistrictPactsLink } from '../pacts';
import { DistrictMemberActions, DistrictMembershipsPanel, EndMembershipAction } from '../memberships';

type Member = TDistrict['members'][number];

/** One district: its map, figures, definition, municipalities, members and (for its coordinators) an edit form. */
export function DistrictPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const district = useQuery(districtQuery(id));

  if (district.isPending) return <Loading />;
  if (district.isError) {
    const notFound = isNotFound(district.error);
    return (
      <>
        <PageHeader
          title={notFound ? t('districts.notFoundTitle') : t('districts.errorTitle')}
          breadcrumbs={[
            { label: t('nav.home'), to: paths.home },
            { label: t('districts.title'), to: paths.districts },
            { label: notFound ? t('districts.notFoundTitle') : t('districts.errorTitle') },
          ]}
        />
        {notFound ? (
          <p>
            {t('districts.notFoundText')} <Link to={paths.districts}>{t('districts.backToList')}</Link>
          </p>
        ) : (
          <ApiErrorAlert error={district.error} onRetry={() => void district.refetch()} />
        )}
      </>
    );
  }
  return <DistrictDetails district={district.data} />;
}

function DistrictDetails({ district }: { district: TDistrict }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const basemap = useBasemap();
  const boundaries = useQuery(districtBoundariesQuery(district.id));
  const classes = usePopulationClasses(boundaries.data);
  const { formatPopulation, describePopulation, tooltipFor, formatMunicipalityCount } = usePopulationFormatters();
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const onFeatureClick = useCallback((code: string) => navigate(paths.municipality(code)), [navigate]);
  const highlightIds = useMemo(() => [], []);
  const canEdit = canEditDistrict(session, district.id);

  const municipalityColumns: Column<TMunicipalitySummary>[] = [
    {
      key: 'name',
      header: t('districts.table.municipality'),
      isRowHeader: true,
      cell: (m) => <Link to={paths.municipality(m.istatCode)}>{m.name}</Link>,
    },
    { key: 'province', header: t('districts.table.province'), cell: (m) => m.provinceAbbreviation },
    {
      key: 'population',
      header: t('districts.table.population'),
      isNumeric: true,
      cell: (m) => (m.population === null ? t('territory.populationUnknown') : formatPopulation(m.population)),
    },
  ];

  const memberColumns: Column<Member>[] = [
    {
      key: 'name',
      header: t('districts.table.organization'),
      isRowHeader: true,
      cell: (member) => (
        <>
          <Link to={paths.organization(member.organizationId)}>{member.name}</Link>
          {member.isDemo && (
            <Badge color="warning" className="ms-2 demo-badge">
              {t('districts.demoBadge')}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'kind', header: t('districts.table.kind'), cell: (member) => kindLabel(member.kind, t) },
    { key: 'sector', header: t('districts.table.sector'), cell: (member) => sectorLabel(member.sector, t) },
    { key: 'place', header: t('districts.table.place'), cell: (member) => member.municipalityName ?? '—' },
    { key: 'role', header: t('districts.table.role'), cell: (member) => roleLabel(member.role, t) },
    // Those who manage the district's memberships end one from its row (the server checks the right again).
    ...(canEdit
      ? [{
          key: 'actions',
          header: t('columns.actions', { ns: 'memberships' }),
          cell: (member: Member) => (
            <EndMembershipAction organizationId={member.organizationId} membershipId={member.membershipId} organizationName={member.name} endedOn={member.endedOn} />
          ),
        }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={district.name}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('districts.title'), to: paths.districts },
          { label: district.name },
        ]}
        aside={
          district.isDemo ? (
            <Badge color="warning" className="demo-badge">
              {t('districts.demoBadge')}
            </Badge>
          ) : null
        }
        lead={district.description}
      />
      {district.isDemo && (
        <Notice color="warning" role="note">
          <p className="mb-0">{t('districts.demoNotice')}</p>
        </Notice>
      )}

      <DistrictActivityLinks districtId={district.id} />
      {/* Working together: the district's working groups and projects (signed-in people), its practices (anyone). */}
      <ul className="list-inline mb-4">
        {isSignedIn(session) && (
          <li className="list-inline-item mb-2">
            <DistrictGroupsLink districtId={district.id} />
          </li>
        )}
        {isSignedIn(session) && (
          <li className="list-inline-item mb-2">
            <DistrictProjectsLink districtId={district.id} className="btn btn-outline-primary" />
          </li>
        )}
        {isSignedIn(session) && (
          <li className="list-inline-item mb-2">
            <DistrictPactsLink districtId={district.id} className="btn btn-outline-primary" />
          </li>
        )}
        {isSignedIn(session) && (
          <li className="list-inline-item mb-2">
            <LabelsLink className="btn btn-outline-primary" />
          </li>
        )}
        <li className="list-inline-item mb-2">
          <Link className="btn btn-outline-primary" to={practicesPaths.ofDistrict(district.id)}>
            {t('practicesLink', { ns: 'districts' })}
          </Link>
        </li>
      </ul>

      <Row className="g-4">
        <Col lg={7}>
          <section aria-labelledby="district-map-heading">
            <h2 id="district-map-heading" className="h4">
              {t('districts.mapTitle')}
            </h2>
            <p id="district-map-alternative" className="small">
              {t('districts.mapAlternative')}
            </p>
            {boundaries.isError ? (
              <ApiErrorAlert error={boundaries.error} onRetry={() => void boundaries.refetch()} />
            ) : boundaries.isPending ? (
              <div className="map-frame map-frame--loading">
                <Loading label={t('territory.map.loading')} />
              </div>
            ) : (
              <ChoroplethMap
                collection={boundaries.data}
                idProperty="istatCode"
                classification={classes.classification}
                highlightIds={highlightIds}
                basemap={basemap}
                dataAttribution={t('territory.dataAttribution')}
                ariaLabel={t('districts.mapAriaLabel', { name: district.name })}
                describedBy="district-map-alternative"
                height="26rem"
                tooltip={tooltipFor}
                onFeatureClick={onFeatureClick}
              />
            )}
            <MapLegend
              title={t('territory.map.legendTitle')}
              ranges={classes.ranges}
              colors={classes.colors}
              formatValue={formatPopulation}
              noDataCount={classes.noDataCount}
              formatCount={formatMunicipalityCount}
            />
          </section>
        </Col>
        <Col lg={5}>
          <section aria-labelledby="district-figures-heading">
            <h2 id="district-figures-heading" className="h4">
              {t('districts.figuresTitle')}
            </h2>
            <dl className="facts">
              <dt>{t('districts.population')}</dt>
              <dd>{describePopulation(district.population)}</dd>
              <dt>{t('districts.municipalities')}</dt>
              <dd>{formatNumber(district.municipalityCount, i18n.language)}</dd>
              <dt>{t('districts.coordinator')}</dt>
              <dd>{district.coordinatorOrganization?.name ?? t('districts.noCoordinator')}</dd>
            </dl>
          </section>
          <section aria-labelledby="district-definition-heading" className="mt-4">
            <h2 id="district-definition-heading" className="h4">
              {t('districts.definitionTitle')}
            </h2>
            <p className="prewrap">{district.definition}</p>
          </section>
          <DistrictArea district={district} canEdit={canEdit} />
        </Col>
      </Row>

      <section aria-labelledby="district-municipalities-heading" className="mt-5">
        <h2 id="district-municipalities-heading" className="h4">
          {t('districts.municipalitiesTitle', { count: district.municipalities.length })}
        </h2>
        <DataTable
          caption={t('districts.municipalitiesCaption', { name: district.name })}
          isCaptionHidden
          columns={municipalityColumns}
          rows={district.municipalities}
          rowKey={(m) => m.istatCode}
          emptyText={t('districts.noMunicipalities')}
        />
      </section>

      <section aria-labelledby="district-members-heading" className="mt-5">
        <h2 id="district-members-heading" className="h4">
          {t('districts.membersTitle', { count: district.members.length })}
        </h2>
        <DataTable
          caption={t('districts.membersCaption', { name: district.name })}
          isCaptionHidden
          columns={memberColumns}
          rows={district.members}
          rowKey={(member) => member.organizationId}
          emptyText={t('districts.noMembers')}
        />
        {canEdit && <DistrictMemberActions districtId={district.id} kindLabel={(code) => kindLabel(code, t)} />}
      </section>

      {canEdit && <DistrictMembershipsPanel districtId={district.id} districtName={district.name} />}

      <DistrictGovernance district={district} canEdit={canEdit} />

      {canEdit && (
        <section aria-labelledby="district-edit-heading" className="mt-5 edit-panel">
          <h2 id="district-edit-heading" className="h4">
            {t('districts.edit.title')}
          </h2>
          {savedVersion === district.version && (
            <Notice color="success" role="status">
              {t('districts.edit.saved')}
            </Notice>
          )}
          <DistrictEditForm key={district.version} district={district} onSaved={(updated) => setSavedVersion(updated.version)} />
        </section>
      )}
    </>
  );
}
