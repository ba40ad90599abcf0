import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Row } from 'design-react-kit';
import { INVITATION_ROLES, ZInvitation, ZInvitationCreate, ZInvitationOverview } from '../../../common/contracts/invitations';
import { api } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { describeError, fieldText } from '../../app/error-messages';
import { formatDateTime } from '../../app/format';
import { mayInvite } from '../../app/access-invitations';
import { paths } from '../../app/paths';
import { RequireAccess } from '../../app/require-access';
import { SelectField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';

const overviewKey = ['invitations'] as const;

/** Invite people by e-mail to an organization, and follow the invitations sent. */
export function InvitationsPage() {
  const { t, i18n } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  const overview = useQuery({ queryKey: overviewKey, queryFn: ({ signal }) => api.get('/api/invitations', ZInvitationOverview, { signal }) });
  return (
    <RequireAccess allow={mayInvite} roles={['platform_admin', 'district_coordinator', 'organization_admin']}>
      <PageHeader title={t('invitations.title')} breadcrumbs={[{ label: tRoot('nav.home'), to: paths.home }, { label: t('invitations.title') }]} lead={t('invitations.lead')} />
      {overview.isPending && <Loading />}
      {overview.isError && <ApiErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && (
        <Row>
          <Col lg={5}>
            {overview.data.organizations.length === 0 ? <p>{t('invitations.noOrganizations')}</p> : <InvitationForm organizations={overview.data.organizations} />}
          </Col>
          <Col lg={7}>
            <h2 className="h4">{t('invitations.listTitle')}</h2>
            {overview.data.invitations.length === 0 ? (
              <p>{t('invitations.none')}</p>
            ) : (
              <div className="table-responsive" tabIndex={0} role="region" aria-label={t('invitations.listTitle')}>
                <table className="table">
                  <caption className="visually-hidden">{t('invitations.listTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('invitations.email')}</th>
                      <th scope="col">{t('invitations.organization')}</th>
                      <th scope="col">{t('invitations.role')}</th>
                      <th scope="col">{t('invitations.status')}</th>
                      <th scope="col">{t('invitations.expires')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.data.invitations.map((invitation) => (
                      <tr key={invitation.id}>
                        <td>{invitation.email}</td>
                        <td>{invitation.organizationName}</td>
                        <td>{t(`roles.${invitation.role}`)}</td>
                        <td>{t(`invitations.statuses.${invitation.status}`)}</td>
                        <td>{formatDateTime(invitation.expiresAt, i18n.language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Col>
        </Row>
      )}
    </RequireAccess>
  );
}

function InvitationForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const { t } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  const queryClient = useQueryClient();
  const [organizationId, setOrganizationId] = useState(organizations.length === 1 ? organizations[0]!.id : '');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<(typeof INVITATION_ROLES)[number]>('organization_member');
  const [errors, setErrors] = useState<{ organizationId?: string; email?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    setFormError(null);
    const trimmed = email.trim();
    const problems = {
      organizationId: organizationId ? undefined : t('required'),
      email: !trimmed ? t('required') : ZInvitationCreate.shape.email.safeParse(trimmed).success ? undefined : tRoot('login.invalidEmail'),
    };
    setErrors(problems);
    if (problems.organizationId) return document.getElementById('invitation-organization')?.focus();
    if (problems.email) return document.getElementById('invitation-email')?.focus();
    setBusy(true);
    try {
      await api.post('/api/invitations', ZInvitation, { organizationId, email: trimmed, role });
      setSentTo(trimmed);
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: overviewKey });
    } catch (error) {
      if (fieldText(error, 'email', tRoot)) setErrors({ email: tRoot('login.invalidEmail') });
      else setFormError(describeError(error, tRoot));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="invitation-form-title" className="mb-5">
      <h2 id="invitation-form-title" className="h4">
        {t('invitations.formTitle')}
      </h2>
      <div role="status">{sentTo && <div className="alert alert-success">{t('invitations.sent', { email: sentTo })}</div>}</div>
      <div role="alert">{formError && <div className="alert alert-danger">{formError}</div>}</div>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <SelectField id="invitation-organization" label={t('invitations.organization')} isRequired value={organizationId} error={errors.organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
          <option value="">{t('invitations.chooseOrganization')}</option>
          {organizations.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
        </SelectField>
        <TextField id="invitation-email" type="email" label={t('invitations.email')} autoComplete="off" isRequired value={email} error={errors.email} onChange={(event) => setEmail(event.target.value)} />
        <SelectField id="invitation-role" label={t('invitations.role')} value={role} onChange={(event) => setRole(event.target.value as (typeof INVITATION_ROLES)[number])}>
          {INVITATION_ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`roles.${option}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" color="primary" disabled={isBusy}>
          {t('invitations.submit')}
        </Button>
      </form>
    </section>
  );
}
