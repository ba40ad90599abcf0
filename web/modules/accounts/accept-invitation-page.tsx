import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Row } from 'design-react-kit';
import { ZInvitationAccepted, ZInvitationPreview, type TInvitationPreview } from '../../../common/contracts/invitations';
import { api, isApiError } from '../../app/api-client';
import { describeError } from '../../app/error-messages';
import { paths } from '../../app/paths';
import { SESSION_QUERY_KEY, useSession } from '../../app/session';
import { TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { NewPasswordFields } from './new-password-fields';
import { checkNewPassword, passwordProblemOf, type NewPasswordProblem } from './password-form';

/** The page of a mailed invitation (/invito#token): create the account, or sign in and accept. */
export function AcceptInvitationPage() {
  const { t } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  const location = useLocation();
  const token = location.hash.replace(/^#/, '');
  const [accepted, setAccepted] = useState<'new' | 'existing' | null>(null);
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.post('/api/invitations/preview', ZInvitationPreview, { token }),
    enabled: token.length > 0,
    retry: false,
  });
  return (
    <>
      <PageHeader title={t('accept.title')} breadcrumbs={[{ label: tRoot('nav.home'), to: paths.home }, { label: t('accept.title') }]} />
      <Row>
        <Col md={8} lg={6}>
          <div role="status">
            {accepted === 'new' && <div className="alert alert-success">{t('accept.acceptedNew')}</div>}
            {accepted === 'existing' && <div className="alert alert-success">{t('accept.acceptedExisting')}</div>}
          </div>
          {accepted === 'new' && <Link to={paths.login}>{t('accept.signIn')}</Link>}
          {accepted === 'existing' && <Link to={paths.home}>{t('accept.goHome')}</Link>}
          {!token && <div className="alert alert-danger">{tRoot('errorCodes.INVITATIONS.INVALID')}</div>}
          {preview.isPending && token && <Loading />}
          {preview.isError && <div className="alert alert-danger" role="alert">{describeError(preview.error, tRoot)}</div>}
          {preview.data && !accepted && <AcceptForm token={token} invitation={preview.data} onAccepted={setAccepted} />}
        </Col>
      </Row>
    </>
  );
}

function AcceptForm({ token, invitation, onAccepted }: { token: string; invitation: TInvitationPreview; onAccepted: (kind: 'new' | 'existing') => void }) {
  const { t } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [problem, setProblem] = useState<NewPasswordProblem | 'unchanged' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const send = async (body: object, kind: 'new' | 'existing') => {
    setBusy(true);
    setFormError(null);
    try {
      await api.post('/api/invitations/accept', ZInvitationAccepted, { token, ...body });
      if (kind === 'existing') await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      onAccepted(kind);
    } catch (error) {
      if (isApiError(error) && error.code === 'USERS.WEAK_PASSWORD') setProblem(passwordProblemOf(error.details) ?? 'common');
      else setFormError(describeError(error, tRoot));
    } finally {
      setBusy(false);
    }
  };

  const submitNew = async (event: FormEvent) => {
    event.preventDefault();
    setNameError(displayName.trim() ? null : t('required'));
    const found = await checkNewPassword(password, confirmation, invitation.email);
    setProblem(found);
    if (!displayName.trim() || found) return;
    await send({ displayName: displayName.trim(), password }, 'new');
  };

  const role = t(`roles.${invitation.role}`);
  return (
    <>
      <p className="lead">{t('accept.lead', { organization: invitation.organizationName, role })}</p>
      <div role="alert">{formError && <div className="alert alert-danger">{formError}</div>}</div>
      {!invitation.hasAccount && (
        <form onSubmit={(event) => void submitNew(event)} noValidate>
          <p>{t('accept.newAccount', { email: invitation.email })}</p>
          <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
          <TextField id="accept-name" label={t('accept.displayName')} autoComplete="name" isRequired value={displayName} error={nameError} onChange={(event) => setDisplayName(event.target.value)} />
          <NewPasswordFields
            idPrefix="accept"
            password={password}
            confirmation={confirmation}
            problem={problem}
            labels={{ password: t('accept.password'), confirmation: t('accept.confirmPassword') }}
            onPassword={setPassword}
            onConfirmation={setConfirmation}
          />
          <Button type="submit" color="primary" disabled={isBusy}>
            {t('accept.submitNew')}
          </Button>
        </form>
      )}
      {invitation.hasAccount && (
        <>
          <p>{t('accept.existingAccount', { email: invitation.email })}</p>
          {session.user ? (
            <Button type="button" color="primary" disabled={isBusy} onClick={() => void send({}, 'existing')}>
              {t('accept.submitExisting')}
            </Button>
          ) : (
            <Link className="btn btn-primary" to={paths.login} state={{ from: `${location.pathname}${location.hash}` }}>
              {t('accept.signInFirst')}
            </Link>
          )}
        </>
      )}
    </>
  );
}
