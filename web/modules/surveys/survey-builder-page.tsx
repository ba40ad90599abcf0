import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TQuestion, TSurvey } from '../../../common/contracts/surveys';
import { SCALE_MAX, SCALE_MIN } from '../../../common/domain/surveys';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { RequireAccess } from '../../app/require-access';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { PageHeader } from '../../ui/page-header';
import { QuestionEditor } from './question-editor';
import { describeCondition } from './question-summary';
import { BuilderError } from './builder-error';
import { canRunSurveys, SURVEY_RUNNER_ROLES } from './survey-access';
import './surveys.css';
import { surveyPaths } from './survey-paths';
import {
  addQuestion,
  addSection,
  changeStatus,
  duplicateSurvey,
  removeQuestion,
  removeSection,
  reorderSurvey,
  surveyQuery,
  updateQuestion,
  updateSection,
  updateSurvey,
} from './surveys.queries';
import { taxonomyQuery } from '../services';

export function SurveyBuilderPage() {
  return (
    <RequireAccess allow={canRunSurveys} roles={SURVEY_RUNNER_ROLES}>
      <SurveyBuilder />
    </RequireAccess>
  );
}

type Editing = { kind: 'new'; sectionId: string } | { kind: 'edit'; questionId: string } | null;

function SurveyBuilder() {
  const { id = '' } = useParams();
  const { t } = useTranslation('surveys');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const survey = useQuery(surveyQuery(id));
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // While a change is on its way the survey's version is about to move: lifecycle buttons wait for it.
  const [isSaving, setIsSaving] = useState(false);

  if (survey.isLoading) return <Loading />;
  if (survey.error || !survey.data) return <ApiErrorAlert error={survey.error} />;
  const current = survey.data;
  const questions = current.sections.flatMap((section) => section.questions);

  /**
   * Keeps the survey a change returned (with its new version) as the cached one. A fetch still in flight would
   * overwrite it with the older version and make the next change fail as stale, so it is cancelled first.
   */
  const whileSaving = async <T,>(work: () => Promise<T>): Promise<T> => {
    setIsSaving(true);
    try {
      return await work();
    } finally {
      setIsSaving(false);
    }
  };

  const keep = async (next: TSurvey) => {
    await queryClient.cancelQueries({ queryKey: surveyQuery(id).queryKey, exact: true });
    queryClient.setQueryData(surveyQuery(id).queryKey, next);
  };

  /** Runs a change, keeps the new survey (and its version) in the cache, and reports errors above the builder. */
  const run = async (change: () => Promise<TSurvey>, message?: string) => {
    setError(null);
    setNotice(null);
    try {
      const next = await whileSaving(change);
      await keep(next);
      await queryClient.invalidateQueries({ queryKey: ['surveys'], exact: true });
      if (message) setNotice(message);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };

  const move = (questionId: string, offset: -1 | 1) => {
    const order = current.sections.map((section) => ({ id: section.id, questionIds: section.questions.map((question) => question.id) }));
    const flat = order.flatMap((section) => section.questionIds.map((qid) => ({ sectionId: section.id, qid })));
    const index = flat.findIndex((entry) => entry.qid === questionId);
    const target = flat[index + offset];
    if (!target) return;
    const section = order.find((candidate) => candidate.id === flat[index]!.sectionId)!;
    if (target.sectionId !== section.id) return;
    const position = section.questionIds.indexOf(questionId);
    section.questionIds.splice(position, 1);
    section.questionIds.splice(position + offset, 0, questionId);
    void run(() => reorderSurvey(id, { version: current.version, sections: order }));
  };

  const moveSection = (sectionId: string, offset: -1 | 1) => {
    const order = current.sections.map((section) => ({ id: section.id, questionIds: section.questions.map((question) => question.id) }));
    const index = order.findIndex((section) => section.id === sectionId);
    if (!order[index + offset]) return;
    const [moved] = order.splice(index, 1);
    order.splice(index + offset, 0, moved!);
    void run(() => reorderSurvey(id, { version: current.version, sections: order }));
  };

  const nextStatuses: ('open' | 'closed' | 'draft')[] =
    current.status === 'draft' ? ['open'] : current.status === 'open' ? ['closed', 'draft'] : ['open'];

  return (
    <div className="survey-ui">
      <PageHeader
        title={current.title}
        breadcrumbs={[{ label: t('list.title'), to: surveyPaths.list }, { label: current.title }]}
        lead={current.districtName ?? ''}
        aside={<span className="badge bg-primary">{t(`statuses.${current.status}`)}</span>}
      />
      <nav aria-label={t('builder.actions')} className="d-flex flex-wrap gap-2 mb-4">
        <Link className="btn btn-outline-primary" to={surveyPaths.invitations(id)}>
          {t('builder.invitationsLink', { count: current.invitationCount })}
        </Link>
        <Link className="btn btn-outline-primary" to={surveyPaths.report(id)}>
          {t('builder.reportLink', { count: current.submittedCount })}
        </Link>
        <button
          type="button"
          className="btn btn-outline-secondary"
          onClick={async () => {
            try {
              const copy = await duplicateSurvey(id);
              await queryClient.invalidateQueries({ queryKey: ['surveys'] });
              navigate(surveyPaths.builder(copy.id));
            } catch (caught) {
              setError(caught);
            }
          }}
        >
          {t('builder.duplicate')}
        </button>
        {nextStatuses.map((status) => (
          <button key={status} type="button" className="btn btn-primary" disabled={isSaving} onClick={() => void run(() => changeStatus(id, { version: current.version, status }), t(`builder.statusChanged.${status}`))}>
            {t(`builder.toStatus.${status}`)}
          </button>
        ))}
      </nav>
      <div aria-live="polite">
        {notice && (
          <Notice color="success" role="status">
            {notice}
          </Notice>
        )}
      </div>
      {error !== null && <BuilderError error={error} />}

      <SurveySettings key={current.version} survey={current} onSave={(input) => run(() => updateSurvey(id, { version: current.version, ...input }), t('builder.settingsSaved'))} />

      <h2 className="h3 mt-5">{t('builder.questionnaire')}</h2>
      {current.status !== 'draft' && (
        <Notice color="info" role="note">
          {t('builder.openRules')}
        </Notice>
      )}
      {current.sections.map((section, sectionIndex) => (
        <section key={section.id} className="mb-5" aria-labelledby={`section-${section.id}`}>
          <h3 id={`section-${section.id}`} className="h4">
            {t('builder.sectionHeading', { number: sectionIndex + 1, title: section.title })}
          </h3>
          <SectionForm
            key={`${section.id}-${current.version}`}
            idPrefix={`section-${section.id}`}
            initial={section}
            submitLabel={t('builder.saveSection')}
            onSave={(input) => run(() => updateSection(id, section.id, { version: current.version, ...input }))}
          />
          <div className="d-flex flex-wrap gap-2 mb-3">
            <button type="button" className="btn btn-sm btn-outline-secondary" disabled={sectionIndex === 0} onClick={() => moveSection(section.id, -1)}>
              {t('builder.moveSectionUp', { title: section.title || sectionIndex + 1 })}
            </button>
            <button type="button" className="btn btn-sm btn-outline-secondary" disabled={sectionIndex === current.sections.length - 1} onClick={() => moveSection(section.id, 1)}>
              {t('builder.moveSectionDown', { title: section.title || sectionIndex + 1 })}
            </button>
            <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => void run(() => removeSection(id, section.id, current.version))}>
              {t('builder.removeSection', { title: section.title || sectionIndex + 1 })}
            </button>
          </div>
          <ol className="list-unstyled">
            {section.questions.map((question, questionIndex) => (
              <li key={question.id} className="border rounded p-3 mb-2">
                {editing?.kind === 'edit' && editing.questionId === question.id ? (
                  <QuestionEditor
                    survey={current}
                    question={question}
                    earlierQuestions={questions.slice(0, questions.indexOf(question))}
                    onCancel={() => setEditing(null)}
                    onSave={async (draft) => {
                      const next = await whileSaving(() => updateQuestion(id, question.id, { version: current.version, ...draft }));
                      await keep(next);
                      setEditing(null);
                    }}
                  />
                ) : (
                  <QuestionSummary
                    question={question}
                    questions={questions}
                    canMoveUp={questionIndex > 0}
                    canMoveDown={questionIndex < section.questions.length - 1}
                    onEdit={() => setEditing({ kind: 'edit', questionId: question.id })}
                    onRemove={() => void run(() => removeQuestion(id, question.id, current.version))}
                    onMove={(offset) => move(question.id, offset)}
                  />
                )}
              </li>
            ))}
          </ol>
          {editing?.kind === 'new' && editing.sectionId === section.id ? (
            <QuestionEditor
              survey={current}
              question={null}
              earlierQuestions={current.sections.slice(0, sectionIndex + 1).flatMap((candidate) => candidate.questions)}
              onCancel={() => setEditing(null)}
              onSave={async (draft) => {
                const next = await whileSaving(() => addQuestion(id, { version: current.version, sectionId: section.id, ...draft }));
                await keep(next);
                setEditing(null);
              }}
            />
          ) : (
            <button type="button" className="btn btn-outline-primary" onClick={() => setEditing({ kind: 'new', sectionId: section.id })}>
              {t('builder.addQuestion')}
            </button>
          )}
        </section>
      ))}
      <h3 className="h4">{t('builder.newSection')}</h3>
      <SectionForm key={`new-${current.version}`} idPrefix="new-section" initial={{ title: '', description: '' }} submitLabel={t('builder.addSection')} onSave={(input) => run(() => addSection(id, { version: current.version, ...input }))} />
    </div>
  );
}

function QuestionSummary({ question, questions, canMoveUp, canMoveDown, onEdit, onRemove, onMove }: {
  question: TQuestion; questions: TQuestion[]; canMoveUp: boolean; canMoveDown: boolean;
  onEdit: () => void; onRemove: () => void; onMove: (offset: -1 | 1) => void;
}) {
  const { t, i18n } = useTranslation('surveys');
  const taxonomy = useQuery(taxonomyQuery);
  const term = (code: string) => taxonomy.data?.find((candidate) => candidate.code === code);
  const categoryLabel = (code: string) => {
    const found = term(code);
    return found ? (i18n.language === 'en' ? found.labelEn : found.labelIt) : code;
  };
  const source = question.condition ? questions.find((candidate) => candidate.id === question.condition!.questionId) : null;
  const items = question.type === 'matrix' ? question.config.rows ?? [] : question.config.options ?? [];
  const mapped = items.filter((item) => item.needCategory);
  return (
    <div>
      <p className="mb-1 fw-semibold">
        {question.label}
        {question.isRequired && <span className="field-required"> ({t('answer.required')})</span>}
      </p>
      <p className="small mb-1">
        <code>{question.code}</code> · {t(`types.${question.type}`)} · {t('builder.answerCount', { count: question.answerCount })}
        {source && ` · ${describeCondition(source, question.condition!.equals, t)}`}
      </p>
      {items.length > 0 && <p className="small mb-1">{items.map((item) => item.label).join(' · ')}</p>}
      {mapped.length > 0 && (
        <p className="small mb-1">
          {t('builder.needMapping')}: {mapped.map((item) => `${item.label} → ${categoryLabel(item.needCategory!)} (${t(`targetGroups.${item.needTargetGroup ?? 'adults'}`)})`).join('; ')}
        </p>
      )}
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-sm btn-outline-primary" onClick={onEdit}>
          {t('builder.edit')}
          <span className="visually-hidden"> {question.label}</span>
        </button>
        <button type="button" className="btn btn-sm btn-outline-secondary" disabled={!canMoveUp} onClick={() => onMove(-1)}>
          {t('builder.moveUp')}
          <span className="visually-hidden"> {question.label}</span>
        </button>
        <button type="button" className="btn btn-sm btn-outline-secondary" disabled={!canMoveDown} onClick={() => onMove(1)}>
          {t('builder.moveDown')}
          <span className="visually-hidden"> {question.label}</span>
        </button>
        <button type="button" className="btn btn-sm btn-outline-danger" onClick={onRemove}>
          {t('builder.remove')}
          <span className="visually-hidden"> {question.label}</span>
        </button>
      </div>
    </div>
  );
}

function SectionForm({ idPrefix, initial, submitLabel, onSave }: {
  idPrefix: string; initial: { title: string; description: string }; submitLabel: string; onSave: (input: { title: string; description: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation('surveys');
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  return (
    <form
      className="mb-2"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSave({ title, description });
      }}
    >
      <div className="row">
        <TextField className="col-md-5" id={`${idPrefix}-title`} label={t('builder.sectionTitle')} value={title} onChange={(event) => setTitle(event.target.value)} />
        <TextField className="col-md-5" id={`${idPrefix}-description`} label={t('builder.sectionDescription')} value={description} onChange={(event) => setDescription(event.target.value)} />
        <div className="col-md-2 mt-4">
          <button type="submit" className="btn btn-sm btn-outline-primary">
            {submitLabel}
          </button>
        </div>
      </div>
    </form>
  );
}

function SurveySettings({ survey, onSave }: { survey: TSurvey; onSave: (input: Record<string, unknown>) => Promise<boolean> }) {
  const { t } = useTranslation('surveys');
  const questions = survey.sections.flatMap((section) => section.questions);
  const [title, setTitle] = useState(survey.title);
  const [introduction, setIntroduction] = useState(survey.introduction);
  const [privacyNotice, setPrivacyNotice] = useState(survey.privacyNotice);
  const [opensOn, setOpensOn] = useState(survey.opensOn ?? '');
  const [closesOn, setClosesOn] = useState(survey.closesOn ?? '');
  const [peopleQuestionId, setPeopleQuestionId] = useState(survey.needsPeopleQuestionId ?? '');
  const [municipalityQuestionId, setMunicipalityQuestionId] = useState(survey.needsMunicipalityQuestionId ?? '');
  const [minRelevance, setMinRelevance] = useState(String(survey.needsMinRelevance));
  return (
    <details className="mb-4" open={questions.length === 0}>
      <summary className="h5">{t('builder.settings')}</summary>
      <form
        className="mt-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSave({
            title, introduction, privacyNotice, opensOn: opensOn || null, closesOn: closesOn || null,
            needsPeopleQuestionId: peopleQuestionId || null, needsMunicipalityQuestionId: municipalityQuestionId || null, needsMinRelevance: Number(minRelevance),
          });
        }}
      >
        <TextField id="settings-title" label={t('fields.title')} value={title} onChange={(event) => setTitle(event.target.value)} isRequired />
        <TextAreaField id="settings-introduction" label={t('fields.introduction')} rows={3} value={introduction} onChange={(event) => setIntroduction(event.target.value)} />
        <TextAreaField id="settings-privacy" label={t('fields.privacyNotice')} rows={3} value={privacyNotice} onChange={(event) => setPrivacyNotice(event.target.value)} />
        <div className="row">
          <TextField className="col-md-6" id="settings-opens" type="date" label={t('fields.opensOn')} value={opensOn} onChange={(event) => setOpensOn(event.target.value)} />
          <TextField className="col-md-6" id="settings-closes" type="date" label={t('fields.closesOn')} value={closesOn} onChange={(event) => setClosesOn(event.target.value)} />
        </div>
        <fieldset>
          <legend className="h6">{t('builder.needsSettings')}</legend>
          <div className="row">
            <SelectField className="col-md-4" id="settings-people" label={t('builder.peopleQuestion')} value={peopleQuestionId} onChange={(event) => setPeopleQuestionId(event.target.value)}>
              <option value="">{t('builder.peopleDefault')}</option>
              {questions.filter((question) => question.type === 'number').map((question) => (
                <option key={question.id} value={question.id}>{question.label}</option>
              ))}
            </SelectField>
            <SelectField className="col-md-4" id="settings-municipality" label={t('builder.municipalityQuestion')} value={municipalityQuestionId} onChange={(event) => setMunicipalityQuestionId(event.target.value)}>
              <option value="">{t('builder.municipalityDefault')}</option>
              {questions.filter((question) => question.type === 'municipality').map((question) => (
                <option key={question.id} value={question.id}>{question.label}</option>
              ))}
            </SelectField>
            <SelectField className="col-md-4" id="settings-min-relevance" label={t('builder.minRelevance')} value={minRelevance} onChange={(event) => setMinRelevance(event.target.value)}>
              {Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, index) => SCALE_MIN + index).map((level) => (
                <option key={level} value={level}>{level}</option>
              ))}
            </SelectField>
          </div>
        </fieldset>
        <button type="submit" className="btn btn-primary">
          {t('builder.saveSettings')}
        </button>
      </form>
    </details>
  );
}
