import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TGroupDetail, TGroupMember } from '../../../common/contracts/groups';
import { MEMBER_ROLES, type MemberRole } from '../../../common/domain/groups';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatDay } from '../../app/format';
import { DataTable } from '../../ui/data-table';
import { SelectField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { useFieldProblems } from './field-problems';
import { addMember, candidatesQuery, updateMember } from './groups.queries';
import { useGroupLabels } from './group-labels';
import { romeDayOf } from './meeting-time';
import { useGroupWrite, WriteOutcome } from './use-group-write';

/** The group's members: person, organization represented, role, dates and substitute; the chair manages them here. */
export function GroupMembers({ group }: { group: TGroupDetail }) {
  const { t, i18n } = useTranslation('groups');
  const labels = useGroupLabels();
  const [showPast, setShowPast] = useState(false);
  const members = group.members.filter((member) => showPast || member.isCurrent);
  const hasPast = group.members.some((member) => !member.isCurrent);
  return (
    <section aria-labelledby="group-members-heading" className="mt-5">
      <h2 id="group-members-heading" className="h4">
        {t('members.title')}
      </h2>
      <DataTable
        caption={t('members.caption', { name: group.name })}
        isCaptionHidden
        rows={members}
        rowKey={(member) => member.id}
        emptyText={t('members.none')}
        columns={[
          { key: 'person', header: t('members.person'), isRowHeader: true, cell: (member) => member.personName },
          { key: 'organization', header: t('members.organization'), cell: (member) => member.organizationName },
          { key: 'role', header: t('members.role'), cell: (member) => labels.memberRole(member.role) },
          {
            key: 'dates',
            header: t('members.dates'),
            cell: (member) =>
              member.toOn
                ? t('members.fromTo', { from: formatDay(member.fromOn, i18n.language), to: formatDay(member.toOn, i18n.language) })
                : t('members.since', { from: formatDay(member.fromOn, i18n.language) }),
          },
          { key: 'substitute', header: t('members.substitute'), cell: (member) => member.substituteName ?? t('members.noSubstitute') },
          ...(group.can.manageMembers
            ? [{ key: 'manage', header: t('members.manage'), cell: (member: TGroupMember) => (member.isCurrent ? <MemberManage groupId={group.id} member={member} /> : null) }]
            : []),
        ]}
      />
      {hasPast && (
        <div className="form-check mb-3">
          <input className="form-check-input" type="checkbox" id="group-members-past" checked={showPast} onChange={(event) => setShowPast(event.target.checked)} />
          <label className="form-check-label" htmlFor="group-members-past">
            {t('members.showPast')}
          </label>
        </div>
      )}
      {group.can.manageMembers && <InviteOrganization group={group} />}
    </section>
  );
}

function MemberManage({ groupId, member }: { groupId: string; member: TGroupMember }) {
  const { t } = useTranslation('groups');
  const labels = useGroupLabels();
  const [role, setRole] = useState<MemberRole>(member.role);
  const write = useGroupWrite();
  const change = (patch: { role?: MemberRole; toOn?: string }) => write.run(async () => (await updateMember(groupId, member.id, { version: member.version, ...patch }), ''));
  const roleId = `member-${member.id}-role`;
  return (
    <div className="d-flex flex-wrap align-items-end gap-2">
      <div className="select-wrapper mb-0">
        <label htmlFor={roleId}>
          {t('members.newRole')}
          <span className="visually-hidden"> — {member.personName}</span>
        </label>
        <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as MemberRole)}>
          {MEMBER_ROLES.map((value) => (
            <option key={value} value={value}>
              {labels.memberRole(value)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="btn btn-outline-primary btn-sm" disabled={write.isBusy || role === member.role} onClick={() => void change({ role })}>
        {t('members.saveRole')}
        <span className="visually-hidden"> — {member.personName}</span>
      </button>
      <button type="button" className="btn btn-outline-danger btn-sm" disabled={write.isBusy} onClick={() => void change({ toOn: romeDayOf(new Date()) })}>
        {t('members.end')}
        <span className="visually-hidden"> — {member.personName}</span>
      </button>
      {write.error !== null && <ApiErrorAlert error={write.error} />}
    </div>
  );
}

/** The chair (or coordinator) invites an organization by naming the person who will represent it. */
function InviteOrganization({ group }: { group: TGroupDetail }) {
  const { t } = useTranslation('groups');
  const labels = useGroupLabels();
  const candidates = useQuery(candidatesQuery(group.id));
  const [organizationId, setOrganizationId] = useState('');
  const [userId, setUserId] = useState('');
  const [substituteUserId, setSubstituteUserId] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const { run, error, notice, isBusy } = useGroupWrite();
  const fieldError = useFieldProblems(error);
  const organization = candidates.data?.find((candidate) => candidate.organizationId === organizationId);
  return (
    <div className="mt-4">
      <h3 className="h5" id="group-invite-heading">
        {t('members.inviteTitle')}
      </h3>
      <p>{t('members.inviteLead')}</p>
      {candidates.isPending && <Loading />}
      {candidates.isError && <ApiErrorAlert error={candidates.error} />}
      {candidates.data && (
        <form
          noValidate
          aria-labelledby="group-invite-heading"
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              const added = await addMember(group.id, { organizationId, userId, role, substituteUserId: substituteUserId || null });
              setOrganizationId('');
              setUserId('');
              setSubstituteUserId('');
              setRole('member');
              return t('members.invited', { person: added.personName, organization: added.organizationName });
            });
          }}
        >
          <div className="row">
            <SelectField
              className="col-md-6"
              id="invite-organization"
              label={t('members.inviteOrganization')}
              isRequired
              value={organizationId}
              error={fieldError('organizationId')}
              onChange={(event) => {
                setOrganizationId(event.target.value);
                setUserId('');
                setSubstituteUserId('');
              }}
            >
              <option value="">{t('members.chooseOrganization')}</option>
              {candidates.data.map((candidate) => (
                <option key={candidate.organizationId} value={candidate.organizationId}>
                  {candidate.organizationName}
                </option>
              ))}
            </SelectField>
            <SelectField className="col-md-6" id="invite-person" label={t('members.representative')} isRequired value={userId} error={fieldError('userId')} onChange={(event) => setUserId(event.target.value)}>
              <option value="">{organization ? t('members.choosePerson') : t('members.chooseOrganizationFirst')}</option>
              {(organization?.people ?? []).map((person) => (
                <option key={person.userId} value={person.userId} disabled={person.alreadyMember}>
                  {person.alreadyMember ? t('members.alreadyMember', { name: person.name }) : person.name}
                </option>
              ))}
            </SelectField>
            <SelectField className="col-md-6" id="invite-role" label={t('members.role')} value={role} onChange={(event) => setRole(event.target.value as MemberRole)}>
              {MEMBER_ROLES.map((value) => (
                <option key={value} value={value}>
                  {labels.memberRole(value)}
                </option>
              ))}
            </SelectField>
            <SelectField className="col-md-6" id="invite-substitute" label={t('members.substitute')} value={substituteUserId} error={fieldError('substituteUserId')} onChange={(event) => setSubstituteUserId(event.target.value)}>
              <option value="">{t('members.noSubstitute')}</option>
              {(organization?.people ?? [])
                .filter((person) => person.userId !== userId)
                .map((person) => (
                  <option key={person.userId} value={person.userId}>
                    {person.name}
                  </option>
                ))}
            </SelectField>
          </div>
          {organization && organization.people.length === 0 && <p className="small">{t('members.nobodyToName')}</p>}
          <button type="submit" className="btn btn-primary" disabled={isBusy || !organizationId || !userId}>
            {t('members.invite')}
          </button>
          <WriteOutcome notice={notice} error={error} />
        </form>
      )}
    </div>
  );
}
