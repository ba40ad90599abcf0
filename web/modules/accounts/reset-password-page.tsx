import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Col, Row } from 'design-react-kit';
import { z } from 'zod';
import { ZPasswordResetLink } from '../../../common/contracts/auth';
import { api, isApiError } from '../../app/api-client';
import { describeError } from '../../app/error-messages';
import { paths } from '../../app/paths';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { NewPasswordFields } from './new-password-fields';
import { checkNewPassword, passwordProblemOf, type NewPasswordProblem } from './password-form';

/** The page of the mailed reset link (/reimposta-password#token: the token stays out of server logs and Referer). */
export function ResetPasswordPage() {
  const { t } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  const location = useLocation();
  const token = location.hash.replace(/^#/, '');
  const [email, setEmail] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(token ? null : t('reset.missing'));
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<NewPasswordProblem | 'unchanged' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isDone, setDone] = useState(false);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return;
    let isCurrent = true;
    api
      .post('/api/auth/password-reset/check', ZPasswordResetLink, { token })
      .then((link) => isCurrent && setEmail(link.email))
      .catch((error: unknown) => isCurrent && setLinkError(describeError(error, tRoot)));
    return () => {
      isCurrent = false;
    };
  }, [token, tRoot]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = await checkNewPassword(password, confirmation, email);
    setProblem(found);
    if (found) return;
    setBusy(true);
    setFormError(null);
    try {
      await api.post('/api/auth/password-reset/complete', z.object({ ok: z.literal(true) }), { token, newPassword: password });
      setDone(true);
    } catch (error) {
      if (isApiError(error) && error.code === 'USERS.WEAK_PASSWORD') setProblem(passwordProblemOf(error.details) ?? 'common');
      else setFormError(describeError(error, tRoot));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('reset.title')} breadcrumbs={[{ label: tRoot('nav.home'), to: paths.home }, { label: t('reset.title') }]} />
      <Row>
        <Col md={8} lg={6}>
          <div role="alert">
            {linkError && <div className="alert alert-danger">{linkError}</div>}
            {formError && <div className="alert alert-danger">{formError}</div>}
          </div>
          <div role="status">{isDone && <div className="alert alert-success">{t('reset.done')}</div>}</div>
          {linkError && <Link to={paths.forgotPassword}>{t('reset.askAgain')}</Link>}
          {isDone && <Link to={paths.login}>{t('reset.signIn')}</Link>}
          {!linkError && !email && <Loading label={t('reset.checking')} />}
          {!linkError && email && !isDone && (
            <form onSubmit={(event) => void submit(event)} noValidate>
              <p>{t('reset.lead', { email })}</p>
              {/* Lets password managers file the new password under the right account. */}
              <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
              <NewPasswordFields
                idPrefix="reset"
                password={password}
                confirmation={confirmation}
                problem={problem}
                labels={{ password: t('account.newPassword'), confirmation: t('account.confirmPassword') }}
                onPassword={setPassword}
                onConfirmation={setConfirmation}
              />
              <Button type="submit" color="primary" disabled={isBusy}>
                {t('reset.submit')}
              </Button>
            </form>
          )}
        </Col>
      </Row>
    </>
  );
}
