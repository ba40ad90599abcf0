import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge } from 'design-react-kit';
import type { TOrganizationProfile } from '../../../common/contracts/organizations';
import { hasPeriodEnded } from '../../../common/domain/current-period';
import { todayInItaly } from '../../../common/domain/calendar';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { DataTable, type Column } from '../../ui/data-table';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { isNotFound } from '../../app/error-messages';
import { actorInWords } from '../../app/actor-words';
import { paths } from '../../app/paths';
import { organizationQuery } from './organizations.queries';
import { PersonRoleForm } from './person-role-form';
import { formatDay } from '../../app/format';
import { changedFieldsLabel, historyChangeLabel, kindLabel, sectorLabel, sizeLabel } from './organization-labels';
import { MembershipAnswerButtons, RelationshipAnswerButtons, RequestMembershipForm } from '../memberships';

type Person = NonNullable<TOrganizationProfile['private']>['people'][number];
type District = TOrganizationProfile['districts'][number];
type Relationship = TOrganizationProfile['relationships'][number];
type Version = TOrganizationProfile['history'][number];

/** One organization: public profile, private details for those allowed, districts, relationships and history. */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('organizations');
  const { t: tCommon } = useTranslation();
  const { t: tm } = useTranslation('memberships');
  const organization = useQuery(organizationQuery(id));
  const dateTime = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  if (organization.isPending) return <Loading />;
  if (organization.isError) {
    return isNotFound(organization.error) ? (
      <>
        <PageHeader title={t('profile.notFound')} />
        <Link to={paths.organizations}>{t('profile.backToList')}</Link>
      </>
    ) : (
      <ApiErrorAlert error={organization.error} onRetry={() => void organization.refetch()} />
    );
  }
  const o = organization.data;
  const none = t('profile.none');
  const personColumns: Column<Person>[] = [
    { key: 'name', header: t('profile.person'), isRowHeader: true, cell: (p) => p.fullName },
    { key: 'role', header: t('profile.role'), cell: (p) => t(`personRoles.${p.role}`) },
    { key: 'email', header: t('profile.email'), cell: (p) => p.email ?? none },
    { key: 'phone', header: t('profile.phone'), cell: (p) => p.phone ?? none },
    { key: 'since', header: t('profile.since'), cell: (p) => formatDay(p.startedOn, i18n.language) },
    { key: 'until', header: t('profile.until'), cell: (p) => (p.endedOn ? formatDay(p.endedOn, i18n.language) : none) },
    { key: 'account', header: t('people.account'), cell: (p) => (p.hasAccount ? t('people.linked') : t('people.notLinked')) },
  ];
  const districtColumns: Column<District>[] = [
    { key: 'name', header: t('profile.districts'), isRowHeader: true, cell: (d) => <Link to={paths.district(d.id)}>{d.name}</Link> },
    { key: 'role', header: t('profile.role'), cell: (d) => t(`membershipRoles.${d.role}`) },
    { key: 'since', header: t('profile.since'), cell: (d) => formatDay(d.startedOn, i18n.language) },
    { key: 'until', header: t('profile.until'), cell: (d) => (d.endedOn ? formatDay(d.endedOn, i18n.language) : none) },
    { key: 'status', header: tm('profile.status'), cell: (d) => tm(`status.${d.status}`) },
    ...(o.districts.some((d) => d.canAnswer || d.canWithdraw)
      ? [{
          key: 'actions', header: tm('profile.actions'),
          cell: (d: District) => (
            <MembershipAnswerButtons organizationId={o.id} membershipId={d.membershipId} organizationName={o.shortName ?? o.legalName} districtName={d.name} canAnswer={d.canAnswer} canWithdraw={d.canWithdraw} />
          ),
        }]
      : []),
  ];
  const relationshipColumns: Column<Relationship>[] = [
    { key: 'kind', header: t('profile.relationship'), cell: (r) => (r.direction === 'outgoing' ? t(`relationshipKinds.${r.kind}`) : t(`relationshipKindsIncoming.${r.kind}`)) },
    { key: 'organization', header: t('profile.organization'), isRowHeader: true, cell: (r) => <Link to={paths.organization(r.organization.id)}>{r.organization.name}</Link> },
    { key: 'since', header: t('profile.since'), cell: (r) => formatDay(r.startedOn, i18n.language) },
    { key: 'until', header: t('profile.until'), cell: (r) => (r.endedOn ? formatDay(r.endedOn, i18n.language) : none) },
    { key: 'status', header: tm('profile.status'), cell: (r) => tm(`relationshipStatus.${r.status}`) },
    ...(o.relationships.some((r) => r.canAnswer)
      ? [{
          key: 'actions', header: tm('profile.actions'),
          cell: (r: Relationship) => (r.canAnswer ? <RelationshipAnswerButtons organizationId={o.id} relationshipId={r.id} otherName={r.organization.name} /> : null),
        }]
      : []),
  ];
  const historyColumns: Column<Version>[] = [
    { key: 'version', header: t('profile.version'), isRowHeader: true, isNumeric: true, cell: (v) => v.version },
    { key: 'at', header: t('profile.changedAt'), cell: (v) => dateTime(v.changedAt) },
    { key: 'change', header: t('profile.change'), cell: (v) => historyChangeLabel(t, v.change) },
    { key: 'fields', header: t('profile.changedFields'), cell: (v) => changedFieldsLabel(t, v.changedFields) || none },
    ...(o.private ? [{ key: 'by', header: t('profile.changedBy'), cell: (v: Version) => (v.changedBy === null ? none : actorInWords(tCommon, v.changedBy)) }] : []),
  ];

  return (
    <>
      <PageHeader
        title={o.legalName}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('directory.title'), to: paths.organizations }, { label: o.shortName ?? o.legalName }]}
        lead={`${kindLabel(t, o.kind)} · ${sectorLabel(t, o.sector)}${o.municipalityName ? ` · ${o.municipalityName}` : ''}`}
        aside={
          <div className="d-flex gap-2 align-items-center">
            {o.isDemo && <Badge color="warning" className="demo-badge">{t('demoBadge')}</Badge>}
            {o.canEdit && <Link className="btn btn-primary btn-sm" to={paths.organizationEdit(o.id)}>{t('profile.edit')}</Link>}
          </div>
        }
      />
      {o.status === 'merged' && o.mergedIntoId && (
        <Alert fade={false} color="info">
          {t('profile.merged')} <Link to={paths.organization(o.mergedIntoId)}>{t('profile.mergedLink')}</Link>
        </Alert>
      )}
      {o.description && <p className="lead">{o.description}</p>}
      <section aria-labelledby="organization-identity" className="mt-4">
        <h2 id="organization-identity" className="h4">{t('profile.identity')}</h2>
        <dl className="facts">
          <dt>{t('profile.fiscalCode')}</dt><dd>{o.fiscalCode ?? none}</dd>
          <dt>{t('profile.vatNumber')}</dt><dd>{o.vatNumber ?? none}</dd>
          <dt>{t('profile.activityCode')}</dt><dd>{o.activityCode ?? none}</dd>
          <dt>{t('profile.size')}</dt><dd>{sizeLabel(t, o.sizeClass) ?? none}</dd>
          <dt>{t('profile.address')}</dt>
          {/* The municipality by its name, a link to its page: its ISTAT code is no one's word. */}
          <dd>
            {[o.address, o.postalCode].filter(Boolean).join(', ')}
            {(o.address || o.postalCode) && o.municipalityName ? ', ' : ''}
            {o.municipalityCode && o.municipalityName ? <Link to={paths.municipality(o.municipalityCode)}>{o.municipalityName}</Link> : o.municipalityName}
            {!o.address && !o.postalCode && !o.municipalityName && none}
          </dd>
          <dt>{t('profile.website')}</dt><dd>{o.website ? <a href={o.website} rel="noopener noreferrer">{o.website}</a> : none}</dd>
          <dt>{t('profile.email')}</dt><dd>{o.email ? <a href={`mailto:${o.email}`}>{o.email}</a> : none}</dd>
          <dt>{t('profile.pec')}</dt><dd>{o.pec ?? none}</dd>
          <dt>{t('profile.tags')}</dt><dd>{o.tags.length ? o.tags.join(', ') : none}</dd>
          <dt>{t('profile.status')}</dt><dd>{t(`statuses.${o.status}`)}</dd>
          {o.source && <><dt>{t('profile.source')}</dt><dd data-testid="organization-source">{o.source}</dd></>}
        </dl>
      </section>
      {o.private && (
        <section aria-labelledby="organization-private" className="mt-4">
          <h2 id="organization-private" className="h4">{t('profile.privateTitle')}</h2>
          <p className="small">{t('profile.privateNotice')}</p>
          <dl className="facts">
            <dt>{t('profile.phone')}</dt><dd>{o.private.phone ?? none}</dd>
            <dt>{t('profile.notes')}</dt><dd style={{ whiteSpace: 'pre-wrap' }}>{o.private.notes || none}</dd>
          </dl>
          <h3 className="h5">{t('profile.people')}</h3>
          <DataTable caption={t('profile.peopleCaption')} isCaptionHidden columns={personColumns} rows={o.private.people} rowKey={(p) => p.roleId} emptyText={t('profile.noPeople')} />
          {o.canEdit && <PersonRoleForm organizationId={o.id} accounts={o.private.accounts} />}
        </section>
      )}
      <section aria-labelledby="organization-districts" className="mt-4">
        <h2 id="organization-districts" className="h4">{t('profile.districts')}</h2>
        {o.districts.some((d) => d.status !== 'accepted') && <p className="small">{tm('profile.pendingNotice')}</p>}
        <DataTable caption={t('profile.districtsCaption')} isCaptionHidden columns={districtColumns} rows={o.districts} rowKey={(d) => d.membershipId} emptyText={t('profile.noDistricts')} />
        {o.status !== 'merged' && (
          <RequestMembershipForm
            organizationId={o.id}
            organizationName={o.shortName ?? o.legalName}
            currentDistrictIds={o.districts.filter((d) => !hasPeriodEnded(d.endedOn, todayInItaly()) && ['invited', 'requested', 'accepted'].includes(d.status)).map((d) => d.id)}
          />
        )}
      </section>
      <section aria-labelledby="organization-relationships" className="mt-4">
        <h2 id="organization-relationships" className="h4">{t('profile.relationships')}</h2>
        <DataTable caption={t('profile.relationshipsCaption')} isCaptionHidden columns={relationshipColumns} rows={o.relationships} rowKey={(r) => r.id} emptyText={t('profile.noRelationships')} />
      </section>
      <section aria-labelledby="organization-history" className="mt-4">
        <h2 id="organization-history" className="h4">{t('profile.history')}</h2>
        <DataTable caption={t('profile.historyCaption')} isCaptionHidden columns={historyColumns} rows={o.history} rowKey={(v) => String(v.version)} />
      </section>
    </>
  );
}
