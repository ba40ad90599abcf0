import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { DISTRICT_MEMBERSHIP_ROLES, ORGANIZATION_KIND_CODES } from '../../../common/domain/organizations';
import { todayInItaly } from '../../../common/domain/calendar';
import type { TOrganizationProfile } from '../../../common/contracts/organizations';
import { SelectField, TextField } from '../../ui/form-field';
import { Notice } from '../../ui/notice';
import { describeError, fieldText } from '../../app/error-messages';
import { paths } from '../../app/paths';
import { MunicipalityPicker, type PickedMunicipality } from '../territory';
import { formatDay } from '../../app/format';
import { endMembership, registerAndInvite, useRefreshAfterAnswer } from './memberships.queries';

type DistrictRole = (typeof DISTRICT_MEMBERSHIP_ROLES)[number];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Under the district's members list, for those who manage its memberships (its coordinators, platform admins): invite
 * an organization already registered (the form of the pending-memberships panel), or register a new one and invite it.
 */
export function DistrictMemberActions({ districtId, kindLabel }: { districtId: string; kindLabel: (code: string) => string }) {
  const { t } = useTranslation('memberships');
  const [isRegistering, setRegistering] = useState(false);
  const formId = useId();
  const goToInviteForm = () => {
    const search = document.getElementById('invite-search');
    search?.scrollIntoView({ block: 'center' });
    search?.focus();
  };
  return (
    <div className="mt-3">
      <div className="d-flex flex-wrap gap-2">
        <Button type="button" color="primary" outline onClick={goToInviteForm}>{t('members.invite')}</Button>
        <Button type="button" color="primary" outline aria-expanded={isRegistering} aria-controls={formId} onClick={() => setRegistering((open) => !open)}>
          {t('members.register')}
        </Button>
      </div>
      <div id={formId} hidden={!isRegistering}>
        {isRegistering && <RegisterAndInviteForm districtId={districtId} kindLabel={kindLabel} />}
      </div>
    </div>
  );
}

interface RegisterValues {
  legalName: string;
  kind: string;
  email: string;
  adminEmail: string;
  role: DistrictRole;
}
const EMPTY: RegisterValues = { legalName: '', kind: '', email: '', adminEmail: '', role: 'member' };

function problemsOf(values: RegisterValues): Partial<Record<keyof RegisterValues, 'required' | 'tooShort' | 'email'>> {
  const problems: Partial<Record<keyof RegisterValues, 'required' | 'tooShort' | 'email'>> = {};
  if (!values.legalName.trim()) problems.legalName = 'required';
  else if (values.legalName.trim().length < 2) problems.legalName = 'tooShort';
  if (!values.kind) problems.kind = 'required';
  if (values.email.trim() && !EMAIL.test(values.email.trim())) problems.email = 'email';
  if (!values.adminEmail.trim()) problems.adminEmail = 'required';
  else if (!EMAIL.test(values.adminEmail.trim())) problems.adminEmail = 'email';
  return problems;
}

/** Registers an organization that is not in the registry yet and invites it; the person named administers it. */
function RegisterAndInviteForm({ districtId, kindLabel }: { districtId: string; kindLabel: (code: string) => string }) {
  const { t } = useTranslation('memberships');
  const { t: tc } = useTranslation();
  const refresh = useRefreshAfterAnswer();
  const [values, setValues] = useState<RegisterValues>(EMPTY);
  const [municipality, setMunicipality] = useState<PickedMunicipality | null>(null);
  const [isSubmitted, setSubmitted] = useState(false);
  const [registered, setRegistered] = useState<TOrganizationProfile | null>(null);
  const problems = problemsOf(values);
  const mutation = useMutation({
    mutationFn: () =>
      registerAndInvite({
        organization: {
          legalName: values.legalName.trim(),
          kind: values.kind as (typeof ORGANIZATION_KIND_CODES)[number],
          municipalityCode: municipality?.istatCode ?? null,
          email: values.email.trim() || null,
        },
        districtId,
        role: values.role,
        adminEmail: values.adminEmail.trim(),
      }),
    onSuccess: (profile) => {
      setRegistered(profile);
      setValues(EMPTY);
      setMunicipality(null);
      setSubmitted(false);
      void refresh();
    },
  });
  const errorOf = (field: keyof RegisterValues, serverPath: string) => {
    const problem = isSubmitted ? problems[field] : undefined;
    return (problem ? t(`register.problems.${problem}`) : undefined) ?? fieldText(mutation.error, serverPath, tc);
  };
  const set = (field: keyof RegisterValues) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setRegistered(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const first = (['legalName', 'kind', 'email', 'adminEmail'] as const).find((field) => problems[field]);
    if (first) document.getElementById(`register-${first}`)?.focus();
    else mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="mt-3 edit-panel" aria-labelledby="register-organization-heading">
      <h3 id="register-organization-heading" className="h5">{t('register.title')}</h3>
      <p>{t('register.lead')}</p>
      {registered && (
        <Notice color="success" role="status">
          {t('register.sent', { name: registered.shortName ?? registered.legalName })}{' '}
          <Link to={paths.organization(registered.id)}>{t('register.open', { name: registered.shortName ?? registered.legalName })}</Link>
        </Notice>
      )}
      {mutation.isError && <Notice color="danger" role="alert">{describeError(mutation.error, tc)}</Notice>}
      <div className="row g-3">
        <div className="col-md-6">
          <TextField id="register-legalName" label={t('register.legalName')} isRequired value={values.legalName} onChange={set('legalName')} error={errorOf('legalName', 'organization.legalName')} />
        </div>
        <div className="col-md-6">
          <SelectField id="register-kind" label={t('register.kind')} isRequired value={values.kind} onChange={set('kind')} error={errorOf('kind', 'organization.kind')}>
            <option value="">{t('register.chooseKind')}</option>
            {ORGANIZATION_KIND_CODES.map((code) => <option key={code} value={code}>{kindLabel(code)}</option>)}
          </SelectField>
        </div>
        <div className="col-md-6">
          <MunicipalityPicker
            id="register-municipality"
            label={t('register.municipality')}
            help={t('register.municipalityHelp')}
            error={fieldText(mutation.error, 'organization.municipalityCode', tc)}
            value={municipality}
            onChange={setMunicipality}
          />
        </div>
        <div className="col-md-6">
          <TextField id="register-email" type="email" autoComplete="off" label={t('register.email')} value={values.email} onChange={set('email')} error={errorOf('email', 'organization.email')} />
        </div>
        <div className="col-md-6">
          <TextField
            id="register-adminEmail"
            type="email"
            autoComplete="off"
            label={t('register.adminEmail')}
            help={t('register.adminEmailHelp')}
            isRequired
            value={values.adminEmail}
            onChange={set('adminEmail')}
            error={errorOf('adminEmail', 'adminEmail')}
          />
        </div>
        <div className="col-md-6">
          <SelectField id="register-role" label={t('invite.role')} value={values.role} onChange={set('role')}>
            {DISTRICT_MEMBERSHIP_ROLES.map((code) => <option key={code} value={code}>{t(`roles.${code}`)}</option>)}
          </SelectField>
        </div>
      </div>
      <Button type="submit" color="primary" disabled={mutation.isPending}>{t('register.submit')}</Button>
    </form>
  );
}

/**
 * "Termina l'adesione" in a row of the members list: asks for the last day (today by default: the membership stays
 * current through that day) and confirms. A membership that already has an end date shows that date instead.
 */
export function EndMembershipAction({ organizationId, membershipId, organizationName, endedOn }: { organizationId: string; membershipId: string; organizationName: string; endedOn: string | null }) {
  const { t, i18n } = useTranslation('memberships');
  const { t: tc } = useTranslation();
  const refresh = useRefreshAfterAnswer();
  const [isConfirming, setConfirming] = useState(false);
  const [day, setDay] = useState(() => todayInItaly());
  const fieldId = useId();
  const mutation = useMutation({
    mutationFn: () => endMembership(organizationId, membershipId, day),
    onSuccess: () => {
      setConfirming(false);
      void refresh();
    },
  });
  if (endedOn) return <span>{t('end.endsOn', { day: formatDay(endedOn, i18n.language) })}</span>;
  if (!isConfirming) {
    return (
      <Button size="xs" color="primary" outline aria-label={t('end.label', { organization: organizationName })} onClick={() => setConfirming(true)}>
        {t('end.action')}
      </Button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('end.label', { organization: organizationName })}>
      <p className="small mb-2">{t('end.question', { organization: organizationName })}</p>
      <TextField id={fieldId} type="date" label={t('end.day')} help={t('end.dayHelp')} isRequired value={day} onChange={(event) => setDay(event.target.value)} error={fieldText(mutation.error, 'endedOn', tc)} />
      {mutation.isError && !fieldText(mutation.error, 'endedOn', tc) && <Notice color="danger" role="alert">{describeError(mutation.error, tc)}</Notice>}
      <div className="d-flex flex-wrap gap-2">
        <Button type="submit" size="xs" color="danger" disabled={mutation.isPending || !day}>{t('end.confirm')}</Button>
        <Button type="button" size="xs" color="primary" outline onClick={() => setConfirming(false)}>{t('end.cancel')}</Button>
      </div>
    </form>
  );
}
