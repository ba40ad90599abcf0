import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Row } from 'design-react-kit';
import { z } from 'zod';
import { ZLocaleChange, ZRecoveryCodes, ZTotpEnrolment, ZTotpStatus, type TLocaleChange, type TTotpEnrolment } from '../../../common/contracts/auth';
import { api, isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { describeError } from '../../app/error-messages';
import { paths } from '../../app/paths';
import { RequireAccess } from '../../app/require-access';
import { isSignedIn } from '../../app/access';
import { SESSION_QUERY_KEY, useSession } from '../../app/session';
import { PasswordField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { NewPasswordFields } from './new-password-fields';
import { checkNewPassword, passwordProblemOf, type NewPasswordProblem } from './password-form';
import { useSensitiveAction } from './use-sensitive-action';

/** The signed-in user's own account: language, password change and, for administrators and coordinators, TOTP. */
export function AccountPage() {
  const { t } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  return (
    <RequireAccess allow={isSignedIn}>
      <PageHeader title={t('account.title')} breadcrumbs={[{ label: tRoot('nav.home'), to: paths.home }, { label: t('account.title') }]} lead={t('account.lead')} />
      <Row>
        <Col lg={7}>
          <LanguageForm />
          <ChangePasswordForm />
          <TotpSection />
        </Col>
      </Row>
    </RequireAccess>
  );
}

type Language = TLocaleChange['locale'];
/** The languages an account may choose (the contract's), each named in itself so a reader of the other one finds it. */
const LANGUAGES = ZLocaleChange.shape.locale.options;
const LANGUAGE_NAMES: Record<Language, string> = { it: 'Italiano', en: 'English' };

/** The language of the web app and of the mails Distretto sends this person, kept with the account. */
function LanguageForm() {
  const { t, i18n } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  const queryClient = useQueryClient();
  const { session } = useSession();
  const saved = session.user?.locale ?? null;
  const [chosen, setChosen] = useState<Language | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const selected = chosen ?? saved ?? 'it';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    setError(null);
    setBusy(true);
    try {
      const result = await api.put('/api/auth/locale', ZLocaleChange, { locale: selected });
      await i18n.changeLanguage(result.locale);
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      setChosen(null);
      setMessage(t('account.languageSaved', { lng: result.locale }));
    } catch (caught) {
      setError(describeError(caught, tRoot));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="language-title" className="mb-5">
      <h2 id="language-title" className="h4">
        {t('account.languageTitle')}
      </h2>
      <div role="status">{message && <div className="alert alert-success">{message}</div>}</div>
      <div role="alert">{error && <div className="alert alert-danger">{error}</div>}</div>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="mb-3">
          <legend className="h6">{t('account.languageLegend')}</legend>
          {LANGUAGES.map((language) => (
            <div className="form-check" key={language}>
              <input className="form-check-input" type="radio" name="account-language" id={`account-language-${language}`} checked={selected === language} onChange={() => setChosen(language)} />
              <label className="form-check-label" htmlFor={`account-language-${language}`} lang={language}>
                {LANGUAGE_NAMES[language]}
              </label>
            </div>
          ))}
        </fieldset>
        <Button type="submit" color="primary" outline disabled={isBusy}>
          {t('account.languageSubmit')}
        </Button>
      </form>
    </section>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  const { session } = useSession();
  const sensitive = useSensitiveAction();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [currentError, setCurrentError] = useState<string | null>(null);
  const [problem, setProblem] = useState<NewPasswordProblem | 'unchanged' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isChanged, setChanged] = useState(false);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    setFormError(null);
    setCurrentError(current ? null : t('required'));
    const found = await checkNewPassword(password, confirmation, session.user?.email);
    setProblem(found ?? (current && password === current ? 'unchanged' : null));
    if (!current || found || password === current) return;
    setBusy(true);
    try {
      const result = await sensitive.run(() => api.post('/api/auth/password', z.object({ sessionsEnded: z.number() }), { currentPassword: current, newPassword: password }));
      if (result) {
        setChanged(true);
        setCurrent('');
        setPassword('');
        setConfirmation('');
      }
    } catch (error) {
      if (isApiError(error) && error.code === 'AUTH.WRONG_CURRENT_PASSWORD') setCurrentError(describeError(error, tRoot));
      else if (isApiError(error) && error.code === 'USERS.WEAK_PASSWORD') setProblem(passwordProblemOf(error.details) ?? 'common');
      else setFormError(describeError(error, tRoot));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="password-title" className="mb-5">
      <h2 id="password-title" className="h4">
        {t('account.passwordTitle')}
      </h2>
      {sensitive.prompt}
      <div role="status">{isChanged && <div className="alert alert-success">{t('account.changed')}</div>}</div>
      <div role="alert">{formError && <div className="alert alert-danger">{formError}</div>}</div>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <input type="email" name="username" autoComplete="username" value={session.user?.email ?? ''} readOnly hidden />
        <PasswordField id="account-current-password" label={t('account.currentPassword')} autoComplete="current-password" isRequired value={current} error={currentError} onChange={(event) => setCurrent(event.target.value)} />
        <NewPasswordFields
          idPrefix="account"
          password={password}
          confirmation={confirmation}
          problem={problem}
          labels={{ password: t('account.newPassword'), confirmation: t('account.confirmPassword') }}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
        />
        <Button type="submit" color="primary" disabled={isBusy}>
          {t('account.submit')}
        </Button>
      </form>
    </section>
  );
}

const totpQuery = { queryKey: ['auth', 'totp'], queryFn: ({ signal }: { signal: AbortSignal }) => api.get('/api/auth/totp', ZTotpStatus, { signal }) };

function TotpSection() {
  const { t } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery(totpQuery);
  const sensitive = useSensitiveAction();
  const [enrolment, setEnrolment] = useState<TTotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: totpQuery.queryKey });
    await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
  };
  const guard = async (work: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    try {
      await work();
    } catch (caught) {
      setError(describeError(caught, tRoot));
    }
  };
  const start = () => guard(async () => setEnrolment((await sensitive.run(() => api.post('/api/auth/totp/enrolment', ZTotpEnrolment))) ?? null));
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setCodeError(tRoot('errorCodes.AUTH.TOTP_INVALID'));
    setCodeError(null);
    await guard(async () => {
      const result = await sensitive.run(() => api.post('/api/auth/totp/confirmation', ZRecoveryCodes, { code: code.trim() }));
      if (!result) return;
      setRecoveryCodes(result.recoveryCodes);
      setEnrolment(null);
      setCode('');
      await refresh();
    });
  };
  const disable = () =>
    guard(async () => {
      const done = await sensitive.run(async () => {
        await api.delete('/api/auth/totp', null);
        return true;
      });
      if (!done) return;
      setRecoveryCodes(null);
      setMessage(t('account.totpDisabled'));
      await refresh();
    });

  return (
    <section aria-labelledby="totp-title" className="mb-5">
      <h2 id="totp-title" className="h4">
        {t('account.totpTitle')}
      </h2>
      {status.isPending && <Loading />}
      {status.isError && <ApiErrorAlert error={status.error} />}
      {sensitive.prompt}
      <div role="status">{message && <div className="alert alert-success">{message}</div>}</div>
      <div role="alert">{error && <div className="alert alert-danger">{error}</div>}</div>
      {recoveryCodes && (
        <div className="alert alert-warning">
          <p>{t('account.totpEnabled')}</p>
          <h3 className="h6">{t('account.recoveryCodes')}</h3>
          <ul className="list-unstyled font-monospace mb-0">
            {recoveryCodes.map((recoveryCode) => (
              <li key={recoveryCode}>{recoveryCode}</li>
            ))}
          </ul>
        </div>
      )}
      {status.data && status.data.isEnabled && (
        <>
          <p>{t('account.totpOn', { count: status.data.unusedRecoveryCodes })}</p>
          <Button type="button" color="danger" outline onClick={() => void disable()}>
            {t('account.totpDisable')}
          </Button>
        </>
      )}
      {status.data && !status.data.isEnabled && !status.data.isAllowed && <p>{t('account.totpNotAllowed')}</p>}
      {status.data && !status.data.isEnabled && status.data.isAllowed && !enrolment && (
        <>
          <p>{t('account.totpOff')}</p>
          <Button type="button" color="primary" outline onClick={() => void start()}>
            {t('account.totpStart')}
          </Button>
        </>
      )}
      {enrolment && (
        <form onSubmit={(event) => void confirm(event)} noValidate>
          <p>{t('account.totpScan')}</p>
          <p>
            <a href={enrolment.uri}>{t('account.totpLink')}</a>
          </p>
          <p>
            {t('account.totpSecret')}: <code className="user-select-all">{enrolment.secret}</code>
          </p>
          <TextField id="totp-confirm-code" label={t('account.totpConfirmCode')} autoComplete="one-time-code" inputMode="numeric" isRequired value={code} error={codeError} onChange={(event) => setCode(event.target.value)} />
          <Button type="submit" color="primary">
            {t('account.totpConfirm')}
          </Button>
        </form>
      )}
    </section>
  );
}
