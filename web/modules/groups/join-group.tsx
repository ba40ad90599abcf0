import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TGroupDetail } from '../../../common/contracts/groups';
import { organizationGrants } from '../../app/access';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSession } from '../../app/session';
import { SelectField } from '../../ui/form-field';
import { useFieldProblems } from './field-problems';
import { candidatesQuery, joinGroup } from './groups.queries';
import { useGroupWrite } from './use-group-write';

/** An open group: the administrator of a member organization joins it, naming who represents the organization. */
export function JoinGroup({ group }: { group: TGroupDetail }) {
  const { t } = useTranslation('groups');
  const { session } = useSession();
  const candidates = useQuery(candidatesQuery(group.id));
  const adminOf = new Set(organizationGrants(session).filter((grant) => grant.role === 'organization_admin').map((grant) => grant.scopeId));
  const organizations = (candidates.data ?? []).filter((candidate) => adminOf.has(candidate.organizationId));
  const [organizationId, setOrganizationId] = useState('');
  const [userId, setUserId] = useState('');
  const { run, error, isBusy } = useGroupWrite();
  const chosen = organizations.find((candidate) => candidate.organizationId === (organizationId || organizations[0]?.organizationId));
  const fieldError = useFieldProblems(error);
  if (organizations.length === 0) return null;
  return (
    <section aria-labelledby="group-join-heading" className="mb-4 p-3 border rounded">
      <h2 id="group-join-heading" className="h5">
        {t('join.title')}
      </h2>
      <p>{t('join.lead')}</p>
      <form
        noValidate
        aria-labelledby="group-join-heading"
        onSubmit={(event) => {
          event.preventDefault();
          if (!chosen) return;
          void run(async () => (await joinGroup(group.id, { organizationId: chosen.organizationId, userId }), ''));
        }}
      >
        <div className="row">
          <SelectField className="col-md-6" id="join-organization" label={t('members.organization')} value={chosen?.organizationId ?? ''} onChange={(event) => { setOrganizationId(event.target.value); setUserId(''); }}>
            {organizations.map((candidate) => (
              <option key={candidate.organizationId} value={candidate.organizationId}>
                {candidate.organizationName}
              </option>
            ))}
          </SelectField>
          <SelectField className="col-md-6" id="join-person" label={t('members.representative')} isRequired value={userId} error={fieldError('userId')} onChange={(event) => setUserId(event.target.value)}>
            <option value="">{t('members.choosePerson')}</option>
            {(chosen?.people ?? []).filter((person) => !person.alreadyMember).map((person) => (
              <option key={person.userId} value={person.userId}>
                {person.name}
              </option>
            ))}
          </SelectField>
        </div>
        <button type="submit" className="btn btn-primary" disabled={isBusy || !userId}>
          {t('join.submit')}
        </button>
        {error !== null && <ApiErrorAlert error={error} />}
      </form>
    </section>
  );
}
