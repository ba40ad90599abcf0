import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Row } from 'design-react-kit';
import { ZSettings, type TSettings } from '../../../common/contracts/settings';
import { PageHeader } from '../../ui/page-header';
import { TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { api, isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { describeError, fieldText } from '../../app/error-messages';
import { RequireAccess } from '../../app/require-access';
import { isPlatformAdmin } from '../../app/access';
import { settingsQuery } from '../../app/use-basemap';
import { paths } from '../../app/paths';
import { basemapUpdate, checkBasemapForm, type BasemapFormProblems } from './settings-form';

/** Platform settings (platform admins only): the optional raster basemap under every map. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(settingsQuery);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <RequireAccess allow={isPlatformAdmin} roles={['platform_admin']}>
      <PageHeader
        title={t('settings.title')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }, { label: t('settings.title') }]}
        lead={t('settings.lead')}
      />
      {settings.isPending && <Loading />}
      {settings.isError && <ApiErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      <div role="status">
        {settings.data && savedVersion === settings.data.version && <div className="alert alert-success">{t('settings.saved')}</div>}
      </div>
      {settings.data && (
        <BasemapForm key={settings.data.version} settings={settings.data} onSaved={(updated) => setSavedVersion(updated.version)} />
      )}
    </RequireAccess>
  );
}

function BasemapForm({ settings, onSaved }: { settings: TSettings; onSaved: (updated: TSettings) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState(settings.basemapUrl ?? '');
  const [attribution, setAttribution] = useState(settings.basemapAttribution ?? '');
  const [errors, setErrors] = useState<{ basemapUrl?: string; basemapAttribution?: string }>({});

  const mutation = useMutation({
    mutationFn: () => api.patch('/api/settings', ZSettings, basemapUpdate(url, attribution, settings.version)),
    onSuccess: (updated) => {
      queryClient.setQueryData(settingsQuery.queryKey, updated);
      onSaved(updated);
    },
    onError: (error) => {
      if (isApiError(error) && error.fields.length > 0) {
        const urlProblem = fieldText(error, 'basemapUrl', t);
        const attributionProblem = fieldText(error, 'basemapAttribution', t);
        setErrors({
          basemapUrl: urlProblem && t('settings.errors.basemapUrlServer', { message: urlProblem }),
          basemapAttribution: attributionProblem && t('settings.errors.attributionServer', { message: attributionProblem }),
        });
        document.getElementById(urlProblem ? 'basemap-url' : 'basemap-attribution')?.focus();
      }
    },
  });

  const problemText = (problems: BasemapFormProblems) => ({
    basemapUrl:
      problems.basemapUrl === 'notTemplate'
        ? t('settings.errors.basemapUrl')
        : problems.basemapUrl === 'tooLong'
          ? t('settings.errors.tooLong', { max: 500 })
          : undefined,
    basemapAttribution:
      problems.basemapAttribution === 'tooLong'
        ? t('settings.errors.tooLong', { max: 300 })
        : undefined,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = problemText(checkBasemapForm(url, attribution));
    setErrors(found);
    if (found.basemapUrl || found.basemapAttribution) {
      document.getElementById(found.basemapUrl ? 'basemap-url' : 'basemap-attribution')?.focus();
      return;
    }
    mutation.mutate();
  };

  const isStale = isApiError(mutation.error) && mutation.error.code === 'COMMON.STALE_VERSION';

  return (
    <Row>
      <Col lg={8}>
        <form onSubmit={submit} noValidate aria-labelledby="basemap-heading">
          <h2 id="basemap-heading" className="h4">
            {t('settings.basemapTitle')}
          </h2>
          <p>{t('settings.basemapText')}</p>
          {mutation.isError && !(isApiError(mutation.error) && mutation.error.fields.length > 0) && (
            <Alert fade={false} color={isStale ? 'warning' : 'danger'} role="alert">
              {isStale ? t('settings.stale') : describeError(mutation.error, t)}
              {isStale && (
                <div className="mt-2">
                  <Button
                    color="primary"
                    size="sm"
                    onClick={() => void queryClient.invalidateQueries({ queryKey: settingsQuery.queryKey })}
                  >
                    {t('districts.edit.reload')}
                  </Button>
                </div>
              )}
            </Alert>
          )}
          <TextField
            id="basemap-url"
            type="url"
            label={t('settings.basemapUrl')}
            help={t('settings.basemapUrlHelp')}
            value={url}
            spellCheck={false}
            error={errors.basemapUrl}
            onChange={(event) => setUrl(event.target.value)}
          />
          <TextField
            id="basemap-attribution"
            label={t('settings.basemapAttribution')}
            help={t('settings.basemapAttributionHelp')}
            value={attribution}
            error={errors.basemapAttribution}
            onChange={(event) => setAttribution(event.target.value)}
          />
          <div className="d-flex flex-wrap gap-2">
            <Button type="submit" color="primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('ui.saving') : t('ui.save')}
            </Button>
            <Button
              type="button"
              color="primary"
              outline
              onClick={() => {
                setUrl('');
                setAttribution('');
                setErrors({});
              }}
            >
              {t('settings.clear')}
            </Button>
          </div>
        </form>
      </Col>
    </Row>
  );
}
