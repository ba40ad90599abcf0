import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import { z } from 'zod';
import { ZReauthenticateRequest } from '../../../common/contracts/auth';
import { api, isApiError } from '../../app/api-client';
import { describeError } from '../../app/error-messages';
import { useSession } from '../../app/session';
import { PasswordField, TextField } from '../../ui/form-field';

/**
 * Runs a sensitive call (role grant, password change, TOTP set-up); when the server answers
 * AUTH.REAUTHENTICATION_REQUIRED, shows a password prompt (`prompt`, rendered by the page where the action is) and
 * retries the call once the password was confirmed.
 */
export function useSensitiveAction(): { run: <T>(action: () => Promise<T>) => Promise<T | undefined>; prompt: ReactNode } {
  const [pending, setPending] = useState<{ retry: () => Promise<void>; cancel: () => void } | null>(null);
  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await action();
    } catch (error) {
      if (!isApiError(error) || error.code !== 'AUTH.REAUTHENTICATION_REQUIRED') throw error;
      return new Promise<T | undefined>((resolve, reject) => {
        setPending({
          retry: async () => {
            setPending(null);
            try {
              resolve(await action());
            } catch (again) {
              reject(again);
            }
          },
          cancel: () => {
            setPending(null);
            resolve(undefined);
          },
        });
      });
    }
  };
  return { run, prompt: pending ? <ReauthenticationPrompt onConfirmed={pending.retry} onCancel={pending.cancel} /> : null };
}

function ReauthenticationPrompt({ onConfirmed, onCancel }: { onConfirmed: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  const { session } = useSession();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const needsCode = session.user?.hasTotp === true;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setError(t('required'));
      passwordRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: z.infer<typeof ZReauthenticateRequest> = needsCode ? { password, totpCode: code } : { password };
      await api.post('/api/auth/reauthenticate', z.object({ ok: z.literal(true) }), body);
      await onConfirmed();
    } catch (caught) {
      setError(describeError(caught, tRoot));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card card-bg p-3 mb-4 border border-primary" aria-labelledby="reauth-title">
      <h2 id="reauth-title" className="h5">
        {t('reauth.title')}
      </h2>
      <p>{t('reauth.text')}</p>
      <div role="alert">{error && <div className="alert alert-danger">{error}</div>}</div>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <PasswordField id="reauth-password" inputRef={passwordRef} label={t('reauth.password')} autoComplete="current-password" isRequired value={password} autoFocus onChange={(event) => setPassword(event.target.value)} />
        {needsCode && (
          <TextField id="reauth-code" label={t('reauth.totpCode')} autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(event) => setCode(event.target.value)} />
        )}
        <Button type="submit" color="primary" disabled={isBusy} className="me-2">
          {t('reauth.submit')}
        </Button>
        <Button type="button" color="secondary" outline onClick={onCancel}>
          {t('reauth.cancel')}
        </Button>
      </form>
    </section>
  );
}
