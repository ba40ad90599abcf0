import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../ui/form-field';
import { MarkdownEditor } from '../../ui/markdown-editor';

export interface PactTextValues {
  body: string;
  startsOn: string;
  endsOn: string;
}

export interface PactSettingsValues {
  title: string;
  purpose: string;
  isPublic: boolean;
  adhesionNeedsApproval: boolean;
}

/** The problems the forms find themselves (their words: `form.problems.<problem>`). */
export type PactProblem = 'title' | 'body' | 'startsOn' | 'endsOn' | 'districtId';

/** What the form itself can tell before asking the server (which checks again): the fields' problem keys. */
export function pactTextProblems(values: PactTextValues): Partial<Record<keyof PactTextValues, PactProblem>> {
  const problems: Partial<Record<keyof PactTextValues, PactProblem>> = {};
  if (values.body.trim() === '') problems.body = 'body';
  if (values.startsOn === '') problems.startsOn = 'startsOn';
  if (values.endsOn !== '' && values.startsOn !== '' && values.endsOn < values.startsOn) problems.endsOn = 'endsOn';
  return problems;
}

export function pactSettingsProblems(values: PactSettingsValues): Partial<Record<keyof PactSettingsValues, PactProblem>> {
  return values.title.trim().length < 3 ? { title: 'title' } : {};
}

type Problem = (field: string) => string | null;

/** Title, purpose and the two flags of a pact (the new-pact form and the settings form). */
export function PactSettingsFields({ idPrefix, values, onChange, problem }: { idPrefix: string; values: PactSettingsValues; onChange: (values: PactSettingsValues) => void; problem: Problem }) {
  const { t } = useTranslation('pacts');
  return (
    <>
      <TextField id={`${idPrefix}-title`} label={t('form.title')} value={values.title} onChange={(event) => onChange({ ...values, title: event.target.value })} isRequired maxLength={300} error={problem('title')} />
      <TextAreaField id={`${idPrefix}-purpose`} label={t('form.purpose')} help={t('form.purposeHelp')} value={values.purpose} onChange={(event) => onChange({ ...values, purpose: event.target.value })} rows={3} maxLength={5000} error={problem('purpose')} />
      <div className="form-check mb-2">
        <input id={`${idPrefix}-public`} type="checkbox" className="form-check-input" checked={values.isPublic} onChange={(event) => onChange({ ...values, isPublic: event.target.checked })} />
        <label htmlFor={`${idPrefix}-public`} className="form-check-label">
          {t('form.isPublic')}
        </label>
      </div>
      <div className="form-check mb-3">
        <input id={`${idPrefix}-approval`} type="checkbox" className="form-check-input" checked={values.adhesionNeedsApproval} onChange={(event) => onChange({ ...values, adhesionNeedsApproval: event.target.checked })} />
        <label htmlFor={`${idPrefix}-approval`} className="form-check-label">
          {t('form.adhesionNeedsApproval')}
        </label>
      </div>
    </>
  );
}

/** The text of a version in Markdown with its preview (a hint on numbered articles), and its dates. */
export function PactTextFields({ idPrefix, values, onChange, problem }: { idPrefix: string; values: PactTextValues; onChange: (values: PactTextValues) => void; problem: Problem }) {
  const { t } = useTranslation('pacts');
  return (
    <>
      <p id={`${idPrefix}-body-hint`} className="small">
        {t('form.bodyHint')}
      </p>
      <MarkdownEditor id={`${idPrefix}-body`} label={t('form.body')} value={values.body} onChange={(body) => onChange({ ...values, body })} isRequired rows={16} headingOffset={1} maxLength={200_000} error={problem('body')} />
      <div className="row g-2">
        <TextField id={`${idPrefix}-starts`} type="date" label={t('form.startsOn')} isRequired value={values.startsOn} onChange={(event) => onChange({ ...values, startsOn: event.target.value })} className="col-md-6" error={problem('startsOn')} />
        <TextField id={`${idPrefix}-ends`} type="date" label={t('form.endsOn')} help={t('form.endsOnHelp')} value={values.endsOn} onChange={(event) => onChange({ ...values, endsOn: event.target.value })} className="col-md-6" error={problem('endsOn')} />
      </div>
    </>
  );
}
