import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Col, Row } from 'design-react-kit';
import { PageHeader } from '../../ui/page-header';
import { PasswordField, TextField } from '../../ui/form-field';
import { useSession } from '../../app/session';
import { describeError } from '../../app/error-messages';
import { paths } from '../../app/paths';
import { isTotpRequired, retryAfterOf, safeReturnPath, validateLogin, type LoginFieldProblem } from './login-form';

/** Sign in with e-mail and password, then go back to the page that asked for it. */
export function LoginPage() {
  const { t } = useTranslation();
  const { session, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const returnTo = safeReturnPath((location.state as { from?: unknown } | null)?.from);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [isTotpAsked, setTotpAsked] = useState(false);
  const [fieldProblems, setFieldProblems] = useState<{ email?: LoginFieldProblem; password?: LoginFieldProblem }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const totpRef = useRef<HTMLInputElement>(null);

  const problemText = (problem: LoginFieldProblem | undefined) =>
    problem === 'required' ? t('login.required') : problem === 'invalidEmail' ? t('login.invalidEmail') : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validateLogin(email, password);
    setFieldProblems(problems);
    setFormError(null);
    if (problems.email) return emailRef.current?.focus();
    if (problems.password) return passwordRef.current?.focus();
    setSubmitting(true);
    try {
      await login(isTotpAsked ? { email: email.trim(), password, totpCode: totpCode.trim() } : { email: email.trim(), password });
      navigate(returnTo, { replace: true });
    } catch (error) {
      if (isTotpRequired(error)) {
        // The password was right: keep it and ask the code of the authenticator app.
        setTotpAsked(true);
        setFormError(describeError(error, t));
        setTimeout(() => totpRef.current?.focus(), 0);
        return;
      }
      const retryAfter = retryAfterOf(error);
      setFormError(retryAfter ? t('login.throttled', { seconds: retryAfter }) : describeError(error, t));
      setPassword('');
      setTotpCode('');
      setTotpAsked(false);
    } finally {
      setSubmitting(false);
    }
  };

  const breadcrumbs = [{ label: t('nav.home'), to: paths.home }, { label: t('login.title') }];

  if (session.user) {
    return (
      <>
        <PageHeader title={t('login.title')} breadcrumbs={breadcrumbs} />
        <p>{t('login.alreadySignedIn', { name: session.user.displayName })}</p>
        <Link to={returnTo}>{t('login.continue')}</Link>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('login.title')} breadcrumbs={breadcrumbs} lead={t('login.lead')} />
      <Row>
        <Col md={8} lg={6}>
          {/* Always in the DOM so the alert role announces the message as soon as it appears. */}
          <div role="alert" aria-atomic="true">
            {formError && <div className="alert alert-danger mb-4">{formError}</div>}
          </div>
          <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="login-form-title">
            <h2 id="login-form-title" className="visually-hidden">
              {t('login.formTitle')}
            </h2>
            <TextField
              id="login-email"
              inputRef={emailRef}
              type="email"
              label={t('login.email')}
              autoComplete="username"
              inputMode="email"
              isRequired
              value={email}
              error={problemText(fieldProblems.email)}
              onChange={(event) => setEmail(event.target.value)}
            />
            <PasswordField
              id="login-password"
              inputRef={passwordRef}
              label={t('login.password')}
              autoComplete="current-password"
              isRequired
              value={password}
              error={problemText(fieldProblems.password)}
              onChange={(event) => setPassword(event.target.value)}
            />
            {isTotpAsked && (
              <TextField
                id="login-totp"
                inputRef={totpRef}
                label={t('login.totpCode')}
                help={t('login.totpHelp')}
                autoComplete="one-time-code"
                isRequired
                value={totpCode}
                onChange={(event) => setTotpCode(event.target.value)}
              />
            )}
            <Button type="submit" color="primary" disabled={isSubmitting}>
              {isSubmitting ? t('login.submitting') : t('login.submit')}
            </Button>
          </form>
          <p className="mt-4">
            <Link to={paths.forgotPassword}>{t('login.forgotPassword')}</Link>
          </p>
        </Col>
      </Row>
    </>
  );
}
