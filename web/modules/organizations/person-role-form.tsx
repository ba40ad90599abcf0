import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { ZOrganizationProfile, type TOrganizationProfile, type TPersonRoleCreate } from '../../../common/contracts/organizations';
import { PERSON_ROLES } from '../../../common/domain/organization-registry';
import { todayInItaly } from '../../../common/domain/calendar';
import { SelectField, TextField } from '../../ui/form-field';
import { Notice } from '../../ui/notice';
import { api } from '../../app/api-client';
import { describeError, fieldText } from '../../app/error-messages';
import { organizationQuery } from './organizations.queries';

type Accounts = NonNullable<TOrganizationProfile['private']>['accounts'];

/**
 * Gives a person a role in the organization (its editors only): a legal representative, a contact, a member. Linked to
 * one of the organization's accounts, a legal representative signs territorial pacts in the organization's name.
 */
export function PersonRoleForm({ organizationId, accounts }: { organizationId: string; accounts: Accounts }) {
  const { t } = useTranslation('organizations');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ fullName: '', email: '', phone: '', role: 'legal_representative' as (typeof PERSON_ROLES)[number], startedOn: todayInItaly(), userId: '' });
  const [added, setAdded] = useState<string | null>(null);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));
  const mutation = useMutation({
    mutationFn: () => {
      const input: TPersonRoleCreate = {
        fullName: values.fullName,
        email: values.email.trim() || null,
        phone: values.phone.trim() || null,
        role: values.role,
        startedOn: values.startedOn,
        userId: values.userId || null,
      };
      return api.post(`/api/organizations/${encodeURIComponent(organizationId)}/people`, ZOrganizationProfile, input);
    },
    onSuccess: (profile) => {
      queryClient.setQueryData(organizationQuery(organizationId).queryKey, profile);
      setAdded(values.fullName);
      setValues((current) => ({ ...current, fullName: '', email: '', phone: '', userId: '' }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    mutation.mutate();
  };
  const error = (field: string) => fieldText(mutation.error, field, tc);
  return (
    <form onSubmit={submit} noValidate className="mt-3" aria-labelledby="add-person-heading">
      <h4 id="add-person-heading" className="h6">{t('people.addTitle')}</h4>
      <p className="small">{t('people.addLead')}</p>
      {added && <Notice color="success" role="status">{t('people.added', { name: added })}</Notice>}
      {mutation.isError && !error('fullName') && !error('userId') && !error('email') && !error('phone') && (
        <Notice color="danger" role="alert">{describeError(mutation.error, tc)}</Notice>
      )}
      <div className="row g-3">
        <div className="col-md-6">
          <TextField id="person-full-name" label={t('people.fullName')} value={values.fullName} onChange={set('fullName')} isRequired error={error('fullName')} autoComplete="off" />
        </div>
        <div className="col-md-6">
          <SelectField id="person-role" label={t('profile.role')} value={values.role} onChange={set('role')}>
            {PERSON_ROLES.map((role) => <option key={role} value={role}>{t(`personRoles.${role}`)}</option>)}
          </SelectField>
        </div>
        <div className="col-md-6">
          <TextField id="person-email" type="email" label={t('profile.email')} value={values.email} onChange={set('email')} error={error('email')} autoComplete="off" />
        </div>
        <div className="col-md-6">
          <TextField id="person-phone" type="tel" label={t('profile.phone')} value={values.phone} onChange={set('phone')} error={error('phone')} autoComplete="off" />
        </div>
        <div className="col-md-6">
          <TextField id="person-started-on" type="date" label={t('people.startedOn')} value={values.startedOn} onChange={set('startedOn')} error={error('startedOn')} />
        </div>
        <div className="col-md-6">
          <SelectField id="person-account" label={t('people.account')} value={values.userId} onChange={set('userId')} error={error('userId')} help={t('people.accountHelp')}>
            <option value="">{t('people.noAccount')}</option>
            {accounts.map((account) => <option key={account.userId} value={account.userId}>{account.name}</option>)}
          </SelectField>
        </div>
      </div>
      <Button type="submit" color="primary" size="sm" disabled={mutation.isPending}>{t('people.add')}</Button>
    </form>
  );
}
