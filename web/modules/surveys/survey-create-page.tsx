import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isPlatformAdmin } from '../../app/access';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { fieldsOf, isApiError } from '../../app/api-client';
import { RequireAccess } from '../../app/require-access';
import { useSession } from '../../app/session';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { PageHeader } from '../../ui/page-header';
import { canRunSurveys, coordinatedDistrictIds, SURVEY_RUNNER_ROLES } from './survey-access';
import './surveys.css';
import { surveyPaths } from './survey-paths';
import { createSurvey, districtsQuery } from './surveys.queries';

export function SurveyCreatePage() {
  return (
    <RequireAccess allow={canRunSurveys} roles={SURVEY_RUNNER_ROLES}>
      <SurveyCreateForm />
    </RequireAccess>
  );
}

function SurveyCreateForm() {
  const { t } = useTranslation('surveys');
  const { session } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const districts = useQuery(districtsQuery);
  const mine = (districts.data ?? []).filter((district) => isPlatformAdmin(session) || coordinatedDistrictIds(session).includes(district.id));
  const [districtId, setDistrictId] = useState('');
  const [title, setTitle] = useState('');
  const [introduction, setIntroduction] = useState('');
  const [privacyNotice, setPrivacyNotice] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [fromTemplate, setFromTemplate] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setIsSaving] = useState(false);
  const chosenDistrict = districtId || mine[0]?.id || '';
  const fieldError = (path: string) => (isApiError(error) ? fieldsOf(error.details).find((field) => field.path === path)?.message ?? null : null);

  return (
    <div className="survey-ui">
      <PageHeader title={t('create.title')} breadcrumbs={[{ label: t('list.title'), to: surveyPaths.list }, { label: t('create.title') }]} />
      {error !== null && <ApiErrorAlert error={error} />}
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setIsSaving(true);
          setError(null);
          try {
            const survey = await createSurvey({
              districtId: chosenDistrict, title, introduction, privacyNotice, opensOn: opensOn || null, closesOn: closesOn || null,
              template: fromTemplate ? 'company_welfare' : null,
            });
            await queryClient.invalidateQueries({ queryKey: ['surveys'] });
            navigate(surveyPaths.builder(survey.id));
          } catch (caught) {
            setError(caught);
          } finally {
            setIsSaving(false);
          }
        }}
      >
        <SelectField id="survey-district" label={t('fields.district')} value={chosenDistrict} onChange={(event) => setDistrictId(event.target.value)} isRequired>
          {mine.map((district) => (
            <option key={district.id} value={district.id}>
              {district.name}
            </option>
          ))}
        </SelectField>
        <TextField id="survey-title" label={t('fields.title')} value={title} onChange={(event) => setTitle(event.target.value)} isRequired error={fieldError('title')} />
        <TextAreaField id="survey-introduction" label={t('fields.introduction')} rows={3} value={introduction} onChange={(event) => setIntroduction(event.target.value)} />
        <TextAreaField id="survey-privacy" label={t('fields.privacyNotice')} rows={3} value={privacyNotice} onChange={(event) => setPrivacyNotice(event.target.value)} />
        <div className="row">
          <TextField className="col-md-6" id="survey-opens" type="date" label={t('fields.opensOn')} value={opensOn} onChange={(event) => setOpensOn(event.target.value)} />
          <TextField className="col-md-6" id="survey-closes" type="date" label={t('fields.closesOn')} value={closesOn} onChange={(event) => setClosesOn(event.target.value)} error={fieldError('closesOn')} />
        </div>
        <fieldset className="mb-4">
          <legend className="h6">{t('create.start')}</legend>
          <div className="form-check">
            <input className="form-check-input" type="radio" id="start-template" name="start" checked={fromTemplate} onChange={() => setFromTemplate(true)} />
            <label className="form-check-label" htmlFor="start-template">
              {t('create.fromTemplate')}
            </label>
          </div>
          <div className="form-check">
            <input className="form-check-input" type="radio" id="start-empty" name="start" checked={!fromTemplate} onChange={() => setFromTemplate(false)} />
            <label className="form-check-label" htmlFor="start-empty">
              {t('create.empty')}
            </label>
          </div>
        </fieldset>
        <button type="submit" className="btn btn-primary" disabled={isSaving || !chosenDistrict}>
          {t('create.submit')}
        </button>
      </form>
    </div>
  );
}
