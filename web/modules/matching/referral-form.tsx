import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { ZReferral } from '../../../common/contracts/matching';
import { Notice } from '../../ui/notice';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { api } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { organizationGrants } from '../../app/access';
import { useSession } from '../../app/session';
import { matchingPaths } from './matching-paths';

/** A need the referral is made for: its organization refers, its people are the group (served → the need answered). */
export interface ReferredNeed {
  id: string;
  organizationId: string;
  peopleCount: number;
}

/**
 * Refer a need to one service, for a member of an organization: a person or a group, how many, where, and optional
 * details (kept apart, read only by the two organizations; the form warns against health details).
 */
export function ReferralForm({
  districtId,
  serviceId,
  serviceName,
  municipalityCode,
  need,
}: {
  districtId: string;
  serviceId: string;
  serviceName: string;
  municipalityCode: string;
  need?: ReferredNeed;
}) {
  const { t } = useTranslation('matching');
  const navigate = useNavigate();
  const { session } = useSession();
  const organizations = organizationGrants(session).filter((grant) => !need || grant.scopeId === need.organizationId);
  const [organizationId, setOrganizationId] = useState(organizations[0]?.scopeId ?? '');
  const [subjectKind, setSubjectKind] = useState<'person' | 'group'>(need && need.peopleCount > 1 ? 'group' : 'person');
  const [peopleCount, setPeopleCount] = useState(String(need?.peopleCount ?? 1));
  const [details, setDetails] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api.post('/api/matching/referrals', ZReferral, {
        districtId,
        referringOrganizationId: organizationId,
        serviceId,
        ...(need ? { needId: need.id } : {}),
        subjectKind,
        peopleCount: subjectKind === 'person' ? 1 : Number(peopleCount) || 1,
        municipalityCode,
        details,
      }),
    onSuccess: (referral) => void navigate(matchingPaths.referral(referral.id)),
  });
  if (organizations.length === 0) return null;
  const id = `referral-${serviceId}`;
  return (
    <form
      className="border rounded p-3 my-3"
      aria-label={t('referralForm.label', { service: serviceName })}
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate();
      }}
    >
      <h4 className="h6">{t('referralForm.title', { service: serviceName })}</h4>
      {organizations.length > 1 && (
        <SelectField id={`${id}-organization`} label={t('referralForm.organization')} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
          {organizations.map((grant) => (
            <option key={grant.scopeId} value={grant.scopeId}>
              {grant.scopeName ?? grant.scopeId}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField id={`${id}-subject`} label={t('referralForm.subject')} value={subjectKind} onChange={(event) => setSubjectKind(event.target.value as 'person' | 'group')}>
        <option value="person">{t('referrals.person')}</option>
        <option value="group">{t('referralForm.group')}</option>
      </SelectField>
      {subjectKind === 'group' && (
        <TextField id={`${id}-people`} type="number" min={1} label={t('referralForm.peopleCount')} value={peopleCount} onChange={(event) => setPeopleCount(event.target.value)} />
      )}
      <Notice color="warning" role="note">
        <p className="mb-0">{t('referralForm.healthWarning')}</p>
      </Notice>
      <TextAreaField id={`${id}-details`} label={t('referralForm.details')} help={t('referralForm.detailsHelp')} value={details} onChange={(event) => setDetails(event.target.value)} rows={3} maxLength={2000} />
      {send.isError && <ApiErrorAlert error={send.error} />}
      <Button color="primary" type="submit" disabled={send.isPending}>
        {t('referralForm.submit')}
      </Button>
    </form>
  );
}
