import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { DISTRICT_MEMBERSHIP_ROLES } from '../../../common/domain/organizations';
import type { TPendingMembership } from '../../../common/contracts/memberships';
import { DataTable, type Column } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/form-field';
import { Notice } from '../../ui/notice';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { organizationGrants } from '../../app/access';
import { describeError } from '../../app/error-messages';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { districtsQuery } from '../districts';
import { formatDay, formatInstantDay } from '../../app/format';
import { MembershipAnswerButtons } from './membership-answers';
import { districtPendingMembershipsQuery, organizationSearchQuery, ownPendingMembershipsQuery, proposeMembership, useRefreshAfterAnswer } from './memberships.queries';

/** Pending memberships as a table, named from the district's side (organizations) or the organization's (districts). */
function PendingMembershipTable({ items, perspective, caption }: { items: TPendingMembership[]; perspective: 'district' | 'organization'; caption: string }) {
  const { t, i18n } = useTranslation('memberships');
  const columns: Column<TPendingMembership>[] = [
    perspective === 'district'
      ? { key: 'organization', header: t('columns.organization'), isRowHeader: true, cell: (m) => <Link to={paths.organization(m.organization.id)}>{m.organization.name}</Link> }
      : { key: 'district', header: t('columns.district'), isRowHeader: true, cell: (m) => <Link to={paths.district(m.district.id)}>{m.district.name}</Link> },
    ...(perspective === 'organization'
      ? [{ key: 'organization', header: t('columns.organization'), cell: (m: TPendingMembership) => <Link to={paths.organization(m.organization.id)}>{m.organization.name}</Link> }]
      : []),
    { key: 'role', header: t('columns.role'), cell: (m) => t(`roles.${m.role}`) },
    { key: 'status', header: t('columns.status'), cell: (m) => t(`status.${m.status}`) },
    { key: 'since', header: t('columns.since'), cell: (m) => formatDay(m.startedOn, i18n.language) },
    { key: 'requestedAt', header: t('columns.requestedAt'), cell: (m) => formatInstantDay(m.requestedAt, i18n.language) },
    {
      key: 'actions',
      header: t('columns.actions'),
      cell: (m) => (
        <MembershipAnswerButtons
          organizationId={m.organization.id}
          membershipId={m.membershipId}
          organizationName={m.organization.name}
          districtName={m.district.name}
          canAnswer={m.canAnswer}
          canWithdraw={m.canWithdraw}
        />
      ),
    },
  ];
  return <DataTable caption={caption} isCaptionHidden columns={columns} rows={items} rowKey={(m) => m.membershipId} emptyText={t('district.empty')} />;
}

/** On the home page of someone who acts for organizations: the districts' invitations waiting for their answer. */
export function OwnPendingMemberships() {
  const { t } = useTranslation('memberships');
  const { session } = useSession();
  const actsForOrganizations = organizationGrants(session).length > 0;
  const pending = useQuery({ ...ownPendingMembershipsQuery, enabled: actsForOrganizations });
  if (!actsForOrganizations || !pending.data || pending.data.items.length === 0) return null;
  return (
    <section aria-labelledby="own-pending-memberships" className="mt-4 mb-4">
      <h2 id="own-pending-memberships" className="h4">{t('home.title')}</h2>
      <p>{t('home.lead')}</p>
      <PendingMembershipTable items={pending.data.items} perspective="organization" caption={t('home.caption')} />
    </section>
  );
}

/** On the district page, for its coordinators: invitations and requests waiting, and the form to invite. */
export function DistrictMembershipsPanel({ districtId, districtName }: { districtId: string; districtName: string }) {
  const { t } = useTranslation('memberships');
  const pending = useQuery(districtPendingMembershipsQuery(districtId));
  return (
    <section aria-labelledby="district-pending-memberships" className="mt-5">
      <h2 id="district-pending-memberships" className="h4">{t('district.title')}</h2>
      <p>{t('district.lead')}</p>
      {pending.isError && <ApiErrorAlert error={pending.error} onRetry={() => void pending.refetch()} />}
      {pending.data && <PendingMembershipTable items={pending.data.items} perspective="district" caption={t('district.caption', { name: districtName })} />}
      <InviteOrganizationForm districtId={districtId} />
    </section>
  );
}

function InviteOrganizationForm({ districtId }: { districtId: string }) {
  const { t } = useTranslation('memberships');
  const { t: tc } = useTranslation();
  const refresh = useRefreshAfterAnswer();
  const [search, setSearch] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<(typeof DISTRICT_MEMBERSHIP_ROLES)[number]>('member');
  const [invitedName, setInvitedName] = useState<string | null>(null);
  const q = useDebouncedValue(search.trim(), 300);
  const results = useQuery(organizationSearchQuery(q));
  const candidates = results.data?.items ?? [];
  const mutation = useMutation({
    mutationFn: () => proposeMembership(organizationId, { districtId, role }),
    onSuccess: (profile) => {
      setInvitedName(profile.shortName ?? profile.legalName);
      setOrganizationId('');
      setSearch('');
      void refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (organizationId) mutation.mutate();
    else document.getElementById('invite-organization')?.focus();
  };
  return (
    <form onSubmit={submit} noValidate className="mt-4" aria-labelledby="invite-organization-heading">
      <h3 id="invite-organization-heading" className="h5">{t('invite.title')}</h3>
      <p>{t('invite.lead')}</p>
      {invitedName && <Notice color="success" role="status">{t('invite.sent', { name: invitedName })}</Notice>}
      {mutation.isError && <Notice color="danger" role="alert">{describeError(mutation.error, tc)}</Notice>}
      <div className="row g-3 align-items-end">
        <div className="col-md-4">
          <TextField
            id="invite-search"
            label={t('invite.search')}
            help={q.length < 2 ? t('invite.typeMore') : results.isSuccess && candidates.length === 0 ? t('invite.noResults') : undefined}
            value={search}
            autoComplete="off"
            onChange={(event) => {
              setSearch(event.target.value);
              setInvitedName(null);
            }}
          />
        </div>
        <div className="col-md-4">
          <SelectField id="invite-organization" label={t('invite.organization')} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
            <option value="">{t('invite.chooseOrganization')}</option>
            {candidates.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.legalName}{organization.municipalityName ? ` (${organization.municipalityName})` : ''}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-2">
          <SelectField id="invite-role" label={t('invite.role')} value={role} onChange={(event) => setRole(event.target.value as typeof role)}>
            {DISTRICT_MEMBERSHIP_ROLES.map((code) => <option key={code} value={code}>{t(`roles.${code}`)}</option>)}
          </SelectField>
        </div>
        <div className="col-md-2 mb-4">
          <Button type="submit" color="primary" disabled={mutation.isPending}>{t('invite.submit')}</Button>
        </div>
      </div>
    </form>
  );
}

/** On the organization page, for its admins: ask a district to join (its coordinators accept or decline). */
export function RequestMembershipForm({ organizationId, organizationName, currentDistrictIds }: { organizationId: string; organizationName: string; currentDistrictIds: string[] }) {
  const { t } = useTranslation('memberships');
  const { t: tc } = useTranslation();
  const { session } = useSession();
  const refresh = useRefreshAfterAnswer();
  const isAdmin = organizationGrants(session).some((grant) => grant.role === 'organization_admin' && grant.scopeId === organizationId);
  const districts = useQuery({ ...districtsQuery, enabled: isAdmin });
  const [districtId, setDistrictId] = useState('');
  const [role, setRole] = useState<(typeof DISTRICT_MEMBERSHIP_ROLES)[number]>('member');
  const [requestedName, setRequestedName] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => proposeMembership(organizationId, { districtId, role }),
    onSuccess: () => {
      setRequestedName(districts.data?.find((district) => district.id === districtId)?.name ?? null);
      setDistrictId('');
      void refresh();
    },
  });
  if (!isAdmin) return null;
  const candidates = (districts.data ?? []).filter((district) => !currentDistrictIds.includes(district.id));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (districtId) mutation.mutate();
    else document.getElementById('request-district')?.focus();
  };
  return (
    <form onSubmit={submit} noValidate className="mt-3" aria-labelledby="request-membership-heading">
      <h3 id="request-membership-heading" className="h5">{t('request.title')}</h3>
      <p>{t('request.lead', { name: organizationName })}</p>
      {requestedName && <Notice color="success" role="status">{t('request.sent', { name: requestedName })}</Notice>}
      {mutation.isError && <Notice color="danger" role="alert">{describeError(mutation.error, tc)}</Notice>}
      <div className="row g-3 align-items-end">
        <div className="col-md-5">
          <SelectField id="request-district" label={t('request.district')} value={districtId} onChange={(event) => setDistrictId(event.target.value)}>
            <option value="">{t('request.chooseDistrict')}</option>
            {candidates.map((district) => <option key={district.id} value={district.id}>{district.name}</option>)}
          </SelectField>
        </div>
        <div className="col-md-3">
          <SelectField id="request-role" label={t('invite.role')} value={role} onChange={(event) => setRole(event.target.value as typeof role)}>
            {DISTRICT_MEMBERSHIP_ROLES.map((code) => <option key={code} value={code}>{t(`roles.${code}`)}</option>)}
          </SelectField>
        </div>
        <div className="col-md-4 mb-4">
          <Button type="submit" color="primary" outline disabled={mutation.isPending}>{t('request.submit')}</Button>
        </div>
      </div>
    </form>
  );
}
