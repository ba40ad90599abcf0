import { useTranslation } from 'react-i18next';
import { PROJECT_STRANDS } from '../../../common/domain/projects';
import { TARGET_GROUPS } from '../../../common/domain/services';
import { TextAreaField, TextField } from '../../ui/form-field';
import { useProjectLabels } from './use-project-labels';
import { projectFieldProblems, type ProjectFieldValues } from './project-form-rules';

export { projectFieldProblems, type ProjectFieldValues } from './project-form-rules';

function Checkboxes<Code extends string>({ id, legend, codes, selected, label, onChange, error }: { id: string; legend: string; codes: readonly Code[]; selected: Code[]; label: (code: Code) => string; onChange: (codes: Code[]) => void; error?: string | null }) {
  return (
    <fieldset className="mb-3" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="h6">{legend}</legend>
      <div className="d-flex flex-wrap gap-3">
        {codes.map((code) => (
          <div className="form-check" key={code}>
            <input
              id={`${id}-${code}`}
              type="checkbox"
              className="form-check-input"
              checked={selected.includes(code)}
              onChange={(event) => onChange(event.target.checked ? [...selected, code] : selected.filter((value) => value !== code))}
            />
            <label htmlFor={`${id}-${code}`} className="form-check-label">
              {label(code)}
            </label>
          </div>
        ))}
      </div>
      {error && <div id={`${id}-error`} className="invalid-feedback d-block">{error}</div>}
    </fieldset>
  );
}

/** The fields of a project (new and edit forms): title, summary, strands, target groups, start and end. */
export function ProjectFields({ idPrefix, values, onChange, showProblems }: { idPrefix: string; values: ProjectFieldValues; onChange: (values: ProjectFieldValues) => void; showProblems: boolean }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const problems = showProblems ? projectFieldProblems(values) : {};
  const problem = (field: keyof ProjectFieldValues) => (problems[field] ? t(`form.problems.${problems[field]}`) : null);
  return (
    <>
      <TextField id={`${idPrefix}-title`} label={t('form.title')} value={values.title} onChange={(event) => onChange({ ...values, title: event.target.value })} isRequired error={problem('title')} />
      <TextAreaField id={`${idPrefix}-summary`} label={t('form.summary')} value={values.summary} onChange={(event) => onChange({ ...values, summary: event.target.value })} rows={4} />
      <Checkboxes id={`${idPrefix}-strands`} legend={t('form.strands')} codes={PROJECT_STRANDS} selected={values.strands} label={labels.strand} onChange={(strands) => onChange({ ...values, strands })} error={problem('strands')} />
      <Checkboxes id={`${idPrefix}-target-groups`} legend={t('form.targetGroups')} codes={TARGET_GROUPS} selected={values.targetGroups} label={labels.targetGroup} onChange={(targetGroups) => onChange({ ...values, targetGroups })} />
      <div className="row g-2">
        <TextField id={`${idPrefix}-start`} type="date" label={t('form.startOn')} value={values.startOn} onChange={(event) => onChange({ ...values, startOn: event.target.value })} className="col-md-6" />
        <TextField id={`${idPrefix}-end`} type="date" label={t('form.endOn')} value={values.endOn} onChange={(event) => onChange({ ...values, endOn: event.target.value })} className="col-md-6" error={problem('endOn')} />
      </div>
    </>
  );
}
