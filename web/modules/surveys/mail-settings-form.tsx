import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TDeliveryReport, TMailSettings } from '../../../common/contracts/mail';
import { fieldsOf, isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { PasswordField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { deliverMail, mailSettingsQuery, updateMailSettings } from './surveys.queries';

/** SMTP settings and "send now" (platform administrators). The stored password is never shown, only whether it is set. */
export function MailSettingsForm() {
  const settings = useQuery(mailSettingsQuery);
  if (settings.isLoading) return <Loading />;
  if (!settings.data) return <ApiErrorAlert error={settings.error} />;
  return <MailSettingsFields key={settings.data.version} settings={settings.data} />;
}

function MailSettingsFields({ settings }: { settings: TMailSettings }) {
  const { t } = useTranslation('surveys');
  const queryClient = useQueryClient();
  const [host, setHost] = useState(settings.host ?? '');
  const [port, setPort] = useState(String(settings.port));
  const [secure, setSecure] = useState(settings.secure);
  const [user, setUser] = useState(settings.user ?? '');
  const [password, setPassword] = useState('');
  const [from, setFrom] = useState(settings.from ?? '');
  const [publicBaseUrl, setPublicBaseUrl] = useState(settings.publicBaseUrl ?? '');
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const fieldError = (path: string) => (isApiError(error) ? fieldsOf(error.details).find((field) => field.path === path)?.message ?? null : null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['mail'] });

  return (
    <details className="mb-4">
      <summary className="h5">{t('mail.title')}</summary>
      <div aria-live="polite">
        {message && (
          <Notice color="success" role="status">
            {message}
          </Notice>
        )}
      </div>
      {error !== null && <ApiErrorAlert error={error} />}
      <form
        className="mt-3"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          setMessage(null);
          try {
            await updateMailSettings({
              version: settings.version, host: host.trim() || null, port: Number(port), secure, user: user.trim() || null,
              ...(password ? { password } : {}), from: from.trim() || null, publicBaseUrl: publicBaseUrl.trim() || null,
            });
            setMessage(t('mail.saved'));
            await refresh();
          } catch (caught) {
            setError(caught);
          }
        }}
      >
        <div className="row">
          <TextField className="col-md-6" id="smtp-host" label={t('mail.host')} value={host} onChange={(event) => setHost(event.target.value)} error={fieldError('host')} />
          <TextField className="col-md-3" id="smtp-port" type="number" label={t('mail.port')} value={port} onChange={(event) => setPort(event.target.value)} error={fieldError('port')} />
          <div className="col-md-3 form-check mt-4">
            <input className="form-check-input" type="checkbox" id="smtp-secure" checked={secure} onChange={(event) => setSecure(event.target.checked)} />
            <label className="form-check-label" htmlFor="smtp-secure">
              {t('mail.secure')}
            </label>
          </div>
        </div>
        <div className="row">
          <TextField className="col-md-6" id="smtp-user" label={t('mail.user')} value={user} onChange={(event) => setUser(event.target.value)} autoComplete="off" />
          <PasswordField className="col-md-6" id="smtp-password" label={t('mail.password')} help={settings.hasPassword ? t('mail.passwordSet') : t('mail.passwordUnset')} value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="new-password" />
        </div>
        <div className="row">
          <TextField className="col-md-6" id="smtp-from" type="email" label={t('mail.from')} value={from} onChange={(event) => setFrom(event.target.value)} error={fieldError('from')} />
          <TextField className="col-md-6" id="smtp-public-url" label={t('mail.publicBaseUrl')} help={t('mail.publicBaseUrlHelp')} value={publicBaseUrl} onChange={(event) => setPublicBaseUrl(event.target.value)} error={fieldError('publicBaseUrl')} />
        </div>
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary">
            {t('mail.save')}
          </button>
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={!settings.isConfigured}
            onClick={async () => {
              setError(null);
              try {
                const report: TDeliveryReport = await deliverMail();
                setMessage(t('mail.delivered', report));
                await refresh();
              } catch (caught) {
                setError(caught);
              }
            }}
          >
            {t('mail.deliverNow')}
          </button>
        </div>
      </form>
    </details>
  );
}
