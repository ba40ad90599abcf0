import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TQuestion, TQuestionInput, TSurvey, TSurveyItem } from '../../../common/contracts/surveys';
import { TARGET_GROUPS } from '../../../common/domain/services';
import { QUESTION_TYPES, type QuestionType } from '../../../common/domain/surveys';
import { fieldsOf, isApiError } from '../../app/api-client';
import { describeFieldIssue } from '../../app/error-messages';
import { BuilderError } from './builder-error';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { questionEditorName } from './question-summary';
import { taxonomyQuery } from '../services';

type Draft = Omit<TQuestionInput, 'version' | 'sectionId'> & { sectionId?: string };
type Item = { code: string; label: string; needCategory: string | null; needTargetGroup: TSurveyItem['needTargetGroup'] };

const hasItems = (type: QuestionType) => type === 'single_choice' || type === 'multiple_choice' || type === 'matrix';

/**
 * Add or edit one question: type and its settings (options or matrix rows with their need mapping, number range and
 * unit, scale labels), and the condition on an earlier question.
 */
export function QuestionEditor({
  survey,
  question,
  earlierQuestions,
  onSave,
  onCancel,
}: {
  survey: TSurvey;
  question: TQuestion | null;
  earlierQuestions: TQuestion[];
  onSave: (draft: Draft) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('surveys');
  const { t: tc } = useTranslation();
  const taxonomy = useQuery(taxonomyQuery);
  const [type, setType] = useState<QuestionType>(question?.type ?? 'single_choice');
  const [code, setCode] = useState(question?.code ?? '');
  const [label, setLabel] = useState(question?.label ?? '');
  const [helpText, setHelpText] = useState(question?.helpText ?? '');
  const [isRequired, setIsRequired] = useState(question?.isRequired ?? false);
  const [items, setItems] = useState<Item[]>(
    ((question?.type === 'matrix' ? question.config.rows : question?.config.options) ?? []).map((item) => ({ ...item })),
  );
  const [allowOther, setAllowOther] = useState(question?.config.allowOther ?? false);
  const [min, setMin] = useState(question?.config.min?.toString() ?? '');
  const [max, setMax] = useState(question?.config.max?.toString() ?? '');
  const [unit, setUnit] = useState(question?.config.unit ?? '');
  const [integerOnly, setIntegerOnly] = useState(question?.config.integerOnly ?? false);
  const [minLabel, setMinLabel] = useState(question?.config.minLabel ?? '');
  const [maxLabel, setMaxLabel] = useState(question?.config.maxLabel ?? '');
  const [conditionQuestionId, setConditionQuestionId] = useState(question?.condition?.questionId ?? '');
  const [conditionEquals, setConditionEquals] = useState(question?.condition?.equals ?? '');
  const [sectionId, setSectionId] = useState(question?.sectionId ?? '');
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setIsSaving] = useState(false);
  const idPrefix = question ? `edit-${question.id}` : 'new-question';
  const conditionSources = earlierQuestions.filter((candidate) => ['yes_no', 'single_choice', 'multiple_choice'].includes(candidate.type));
  const conditionSource = conditionSources.find((candidate) => candidate.id === conditionQuestionId);
  const conditionValues = conditionSource ? (conditionSource.type === 'yes_no' ? [{ code: 'yes', label: t('answer.yes') }, { code: 'no', label: t('answer.no') }] : conditionSource.config.options ?? []) : [];
  const fields = isApiError(error) ? fieldsOf(error.details) : [];
  const fieldError = (path: string) => {
    const issue = fields.find((field) => field.path === path || field.path.startsWith(`${path}.`));
    return issue ? describeFieldIssue(issue, tc) : null;
  };
  const itemsPath = type === 'matrix' ? 'config.rows' : 'config.options';
  const termLabel = (term: { labelIt: string; labelEn: string }) => (i18n.language === 'en' ? term.labelEn : term.labelIt);
  const setItem = (index: number, change: Partial<Item>) => setItems((current) => current.map((item, position) => (position === index ? { ...item, ...change } : item)));

  const submit = async () => {
    setIsSaving(true);
    setError(null);
    const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));
    const config =
      type === 'matrix' ? { rows: items }
      : hasItems(type) ? { options: items, allowOther }
      : type === 'number' ? { min: numberOrNull(min), max: numberOrNull(max), unit, integerOnly }
      : type === 'scale' ? { minLabel, maxLabel }
      : {};
    try {
      await onSave({ ...(question && sectionId !== question.sectionId ? { sectionId } : {}), code, type, label, helpText, isRequired, config, condition: conditionQuestionId && conditionEquals ? { questionId: conditionQuestionId, equals: conditionEquals } : null });
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form
      className="card card-bg p-3 mb-3"
      aria-label={questionEditorName(question, t)}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {error !== null && <BuilderError error={error} />}
      <div className="row">
        <SelectField className="col-md-4" id={`${idPrefix}-type`} label={t('builder.type')} value={type} disabled={Boolean(question && question.answerCount > 0)} onChange={(event) => setType(event.target.value as QuestionType)}>
          {QUESTION_TYPES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`types.${candidate}`)}
            </option>
          ))}
        </SelectField>
        <TextField className="col-md-4" id={`${idPrefix}-code`} label={t('builder.code')} help={t('builder.codeHelp')} value={code} onChange={(event) => setCode(event.target.value)} error={fieldError('code')} isRequired />
        <div className="col-md-4 form-check mt-4">
          <input className="form-check-input" type="checkbox" id={`${idPrefix}-required`} checked={isRequired} onChange={(event) => setIsRequired(event.target.checked)} />
          <label className="form-check-label" htmlFor={`${idPrefix}-required`}>
            {t('builder.isRequired')}
          </label>
        </div>
      </div>
      <TextAreaField id={`${idPrefix}-label`} label={t('builder.label')} rows={2} value={label} onChange={(event) => setLabel(event.target.value)} error={fieldError('label')} isRequired />
      {question && survey.sections.length > 1 && (
        <SelectField id={`${idPrefix}-section`} label={t('builder.section')} help={t('builder.sectionHelp')} value={sectionId} onChange={(event) => setSectionId(event.target.value)}>
          {survey.sections.map((section, index) => (
            <option key={section.id} value={section.id}>
              {index + 1}. {section.title}
            </option>
          ))}
        </SelectField>
      )}
      <TextField id={`${idPrefix}-help`} label={t('builder.helpText')} value={helpText} onChange={(event) => setHelpText(event.target.value)} />

      {hasItems(type) && (
        <fieldset className="mb-3">
          <legend className="h6">{type === 'matrix' ? t('builder.rows') : t('builder.options')}</legend>
          <p className="small">{t('builder.needHelp')}</p>
          {fieldError(itemsPath) && <p className="text-danger">{fieldError(itemsPath)}</p>}
          {items.map((item, index) => (
            <div className="row align-items-end border-bottom mb-2" key={index} role="group" aria-label={t('builder.itemGroup', { number: index + 1 })}>
              <TextField className="col-md-2" id={`${idPrefix}-item-${index}-code`} label={t('builder.itemCode')} value={item.code} onChange={(event) => setItem(index, { code: event.target.value })} />
              <TextField className="col-md-4" id={`${idPrefix}-item-${index}-label`} label={t('builder.itemLabel')} value={item.label} onChange={(event) => setItem(index, { label: event.target.value })} />
              <SelectField className="col-md-3" id={`${idPrefix}-item-${index}-category`} label={t('builder.needCategory')} value={item.needCategory ?? ''} onChange={(event) => setItem(index, { needCategory: event.target.value || null, needTargetGroup: event.target.value ? item.needTargetGroup ?? 'adults' : null })}>
                <option value="">{t('builder.noNeed')}</option>
                {(taxonomy.data ?? []).map((term) => (
                  <option key={term.code} value={term.code}>
                    {term.parentId ? '— ' : ''}
                    {termLabel(term)}
                  </option>
                ))}
              </SelectField>
              <SelectField className="col-md-2" id={`${idPrefix}-item-${index}-target`} label={t('builder.needTargetGroup')} value={item.needTargetGroup ?? ''} disabled={!item.needCategory} onChange={(event) => setItem(index, { needTargetGroup: (event.target.value || null) as Item['needTargetGroup'] })}>
                <option value="">—</option>
                {TARGET_GROUPS.map((group) => (
                  <option key={group} value={group}>
                    {t(`targetGroups.${group}`)}
                  </option>
                ))}
              </SelectField>
              <div className="col-md-1 mb-4">
                <button type="button" className="btn btn-link p-0" onClick={() => setItems((current) => current.filter((_, position) => position !== index))}>
                  {t('builder.removeItem')}
                  <span className="visually-hidden"> {item.label || item.code}</span>
                </button>
              </div>
            </div>
          ))}
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setItems((current) => [...current, { code: `opzione_${current.length + 1}`, label: '', needCategory: null, needTargetGroup: null }])}>
            {type === 'matrix' ? t('builder.addRow') : t('builder.addOption')}
          </button>
          {type !== 'matrix' && (
            <div className="form-check mt-2">
              <input className="form-check-input" type="checkbox" id={`${idPrefix}-other`} checked={allowOther} onChange={(event) => setAllowOther(event.target.checked)} />
              <label className="form-check-label" htmlFor={`${idPrefix}-other`}>
                {t('builder.allowOther')}
              </label>
            </div>
          )}
        </fieldset>
      )}
      {type === 'number' && (
        <div className="row">
          <TextField className="col-md-3" id={`${idPrefix}-min`} type="number" label={t('builder.min')} value={min} onChange={(event) => setMin(event.target.value)} />
          <TextField className="col-md-3" id={`${idPrefix}-max`} type="number" label={t('builder.max')} value={max} onChange={(event) => setMax(event.target.value)} error={fieldError('config.max')} />
          <TextField className="col-md-3" id={`${idPrefix}-unit`} label={t('builder.unit')} value={unit} onChange={(event) => setUnit(event.target.value)} />
          <div className="col-md-3 form-check mt-4">
            <input className="form-check-input" type="checkbox" id={`${idPrefix}-integer`} checked={integerOnly} onChange={(event) => setIntegerOnly(event.target.checked)} />
            <label className="form-check-label" htmlFor={`${idPrefix}-integer`}>
              {t('builder.integerOnly')}
            </label>
          </div>
        </div>
      )}
      {type === 'scale' && (
        <div className="row">
          <TextField className="col-md-6" id={`${idPrefix}-min-label`} label={t('builder.minLabel')} value={minLabel} onChange={(event) => setMinLabel(event.target.value)} />
          <TextField className="col-md-6" id={`${idPrefix}-max-label`} label={t('builder.maxLabel')} value={maxLabel} onChange={(event) => setMaxLabel(event.target.value)} />
        </div>
      )}
      <fieldset className="mb-3">
        <legend className="h6">{t('builder.condition')}</legend>
        <div className="row">
          <SelectField className="col-md-6" id={`${idPrefix}-condition-question`} label={t('builder.conditionQuestion')} value={conditionQuestionId} error={fieldError('condition')} onChange={(event) => { setConditionQuestionId(event.target.value); setConditionEquals(''); }}>
            <option value="">{t('builder.alwaysShown')}</option>
            {conditionSources.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.code} — {candidate.label}
              </option>
            ))}
          </SelectField>
          {conditionSource && (
            <SelectField className="col-md-6" id={`${idPrefix}-condition-value`} label={t('builder.conditionValue')} value={conditionEquals} onChange={(event) => setConditionEquals(event.target.value)}>
              <option value="">—</option>
              {conditionValues.map((value) => (
                <option key={value.code} value={value.code}>
                  {value.label}
                </option>
              ))}
            </SelectField>
          )}
        </div>
      </fieldset>
      <p className="small text-muted">{survey.status !== 'draft' ? t('builder.openRules') : ''}</p>
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={isSaving}>
          {t('builder.saveQuestion')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('builder.cancel')}
        </button>
      </div>
    </form>
  );
}
