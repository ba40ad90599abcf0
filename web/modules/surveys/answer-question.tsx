import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TPublicQuestion } from '../../../common/contracts/surveys';
import { OTHER_CHOICE, SCALE_MAX, SCALE_MIN } from '../../../common/domain/surveys';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { municipalityNameQuery, municipalitySearchQuery } from './surveys.queries';

export interface QuestionProps {
  question: TPublicQuestion;
  value: unknown;
  error: string | null;
  isReadOnly: boolean;
  onChange: (value: unknown) => void;
}

const SCALE = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, index) => SCALE_MIN + index);

/** The id of a question's block: the error summary links here. */
export const questionAnchor = (questionId: string) => `domanda-${questionId}`;

function Label({ question }: { question: TPublicQuestion }) {
  const { t } = useTranslation('surveys');
  return (
    <>
      {question.label}
      {question.isRequired && <span className="field-required"> ({t('answer.required')})</span>}
    </>
  );
}

function Messages({ id, question, error }: { id: string; question: TPublicQuestion; error: string | null }) {
  return (
    <>
      {question.helpText && (
        <small id={`${id}-help`} className="form-text d-block">
          {question.helpText}
        </small>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      )}
    </>
  );
}

const describedBy = (id: string, question: TPublicQuestion, error: string | null) =>
  [question.helpText ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

/** Radios or checkboxes in a fieldset whose legend is the question (what screen readers announce with each option). */
function ChoiceQuestion({ question, value, error, isReadOnly, onChange, id }: QuestionProps & { id: string }) {
  const { t } = useTranslation('surveys');
  const isMultiple = question.type === 'multiple_choice';
  const current = (value ?? {}) as { choice?: string; choices?: string[]; other?: string };
  const chosen = isMultiple ? current.choices ?? [] : current.choice ? [current.choice] : [];
  const options = [...(question.config.options ?? []), ...(question.config.allowOther ? [{ code: OTHER_CHOICE, label: t('answer.other') }] : [])];
  const toggle = (code: string, isChecked: boolean) => {
    if (!isMultiple) return onChange({ choice: code, ...(code === OTHER_CHOICE ? { other: current.other ?? '' } : {}) });
    const next = isChecked ? [...chosen, code] : chosen.filter((candidate) => candidate !== code);
    onChange(next.length === 0 ? null : { choices: next, ...(next.includes(OTHER_CHOICE) ? { other: current.other ?? '' } : {}) });
  };
  return (
    <fieldset aria-describedby={describedBy(id, question, error)} aria-invalid={error ? true : undefined}>
      <legend className="h6 fw-semibold">
        <Label question={question} />
      </legend>
      {options.map((option) => (
        <div className="form-check" key={option.code}>
          <input
            className="form-check-input"
            type={isMultiple ? 'checkbox' : 'radio'}
            id={`${id}-${option.code}`}
            name={id}
            checked={chosen.includes(option.code)}
            disabled={isReadOnly}
            onChange={(event) => toggle(option.code, event.target.checked)}
          />
          <label className="form-check-label" htmlFor={`${id}-${option.code}`}>
            {option.label}
          </label>
        </div>
      ))}
      {chosen.includes(OTHER_CHOICE) && (
        <div className="form-group mt-2 ms-4">
          <label htmlFor={`${id}-other-text`} className="active">
            {t('answer.otherSpecify')}
          </label>
          <input
            id={`${id}-other-text`}
            className="form-control"
            value={current.other ?? ''}
            maxLength={300}
            disabled={isReadOnly}
            onChange={(event) => onChange({ ...current, other: event.target.value })}
          />
        </div>
      )}
      <Messages id={id} question={question} error={error} />
    </fieldset>
  );
}

function ScaleRadios({ name, legend, value, isReadOnly, onChange, describedById, minLabel, maxLabel }: {
  name: string; legend: React.ReactNode; value: number | undefined; isReadOnly: boolean; onChange: (value: number) => void;
  describedById?: string; minLabel?: string; maxLabel?: string;
}) {
  return (
    <fieldset className="mb-2" aria-describedby={describedById}>
      <legend className="h6 fw-normal mb-1">{legend}</legend>
      <div className="d-flex flex-wrap align-items-center gap-3">
        {minLabel && <span className="small text-muted" aria-hidden="true">{minLabel}</span>}
        {SCALE.map((level) => (
          <div className="form-check form-check-inline m-0" key={level}>
            <input className="form-check-input" type="radio" id={`${name}-${level}`} name={name} checked={value === level} disabled={isReadOnly} onChange={() => onChange(level)} />
            <label className="form-check-label" htmlFor={`${name}-${level}`}>
              {level}
            </label>
          </div>
        ))}
        {maxLabel && <span className="small text-muted" aria-hidden="true">{maxLabel}</span>}
      </div>
    </fieldset>
  );
}

function MunicipalityQuestion({ question, value, error, isReadOnly, onChange, id }: QuestionProps & { id: string }) {
  const { t } = useTranslation('surveys');
  const listId = useId();
  const code = typeof value === 'string' ? value : null;
  const chosen = useQuery(municipalityNameQuery(code));
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (chosen.data ? `${chosen.data.name} (${chosen.data.provinceAbbreviation})` : code ?? '');
  const search = useDebouncedValue(shown.trim(), 250);
  const suggestions = useQuery(municipalitySearchQuery(text === null ? '' : search));
  const options = suggestions.data ?? [];
  const labelOf = (m: { name: string; provinceAbbreviation: string }) => `${m.name} (${m.provinceAbbreviation})`;
  const pick = (typed: string) => {
    setText(typed);
    if (typed.trim() === '') return onChange(null);
    const match = options.find((m) => labelOf(m) === typed || m.name.toLowerCase() === typed.trim().toLowerCase());
    if (match) onChange(match.istatCode);
  };
  return (
    <div className="form-group">
      <label htmlFor={id} className="active">
        <Label question={question} />
      </label>
      <input
        id={id}
        className={`form-control${error ? ' is-invalid' : ''}`}
        list={listId}
        value={shown}
        autoComplete="off"
        disabled={isReadOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, describedBy(id, question, error)].filter(Boolean).join(' ')}
        onChange={(event) => pick(event.target.value)}
      />
      <datalist id={listId}>
        {options.map((m) => (
          <option key={m.istatCode} value={labelOf(m)} />
        ))}
      </datalist>
      <small id={`${id}-hint`} className="form-text d-block">
        {code && chosen.data ? t('answer.municipalityChosen', { name: chosen.data.name }) : t('answer.municipalityHint')}
      </small>
      <Messages id={id} question={question} error={error} />
    </div>
  );
}

/** One question, labelled with its own text, its error next to it (aria-describedby), keyboard-only friendly. */
export function AnswerQuestion(props: QuestionProps) {
  const { t } = useTranslation('surveys');
  const { question, value, error, isReadOnly, onChange } = props;
  const id = `q-${question.id}`;
  const config = question.config;
  let body: React.ReactNode;
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      body = <ChoiceQuestion {...props} id={id} />;
      break;
    case 'yes_no':
      body = (
        <fieldset aria-describedby={describedBy(id, question, error)} aria-invalid={error ? true : undefined}>
          <legend className="h6 fw-semibold">
            <Label question={question} />
          </legend>
          {(['yes', 'no'] as const).map((answer) => (
            <div className="form-check form-check-inline" key={answer}>
              <input className="form-check-input" type="radio" id={`${id}-${answer}`} name={id} checked={value === answer} disabled={isReadOnly} onChange={() => onChange(answer)} />
              <label className="form-check-label" htmlFor={`${id}-${answer}`}>
                {t(`answer.${answer}`)}
              </label>
            </div>
          ))}
          <Messages id={id} question={question} error={error} />
        </fieldset>
      );
      break;
    case 'scale':
      body = (
        <>
          <ScaleRadios
            name={id}
            legend={<span className="fw-semibold"><Label question={question} /></span>}
            value={typeof value === 'number' ? value : undefined}
            isReadOnly={isReadOnly}
            onChange={onChange}
            describedById={describedBy(id, question, error)}
            minLabel={config.minLabel ? `${SCALE_MIN} = ${config.minLabel}` : undefined}
            maxLabel={config.maxLabel ? `${SCALE_MAX} = ${config.maxLabel}` : undefined}
          />
          <Messages id={id} question={question} error={error} />
        </>
      );
      break;
    case 'matrix': {
      const ratings = (value ?? {}) as Record<string, number>;
      body = (
        <fieldset aria-describedby={describedBy(id, question, error)} aria-invalid={error ? true : undefined}>
          <legend className="h6 fw-semibold">
            <Label question={question} />
          </legend>
          <p className="small text-muted mb-2">{t('answer.matrixScale')}</p>
          {(config.rows ?? []).map((row) => (
            <ScaleRadios
              key={row.code}
              name={`${id}-${row.code}`}
              legend={row.label}
              value={ratings[row.code]}
              isReadOnly={isReadOnly}
              onChange={(level) => onChange({ ...ratings, [row.code]: level })}
            />
          ))}
          <Messages id={id} question={question} error={error} />
        </fieldset>
      );
      break;
    }
    case 'number':
      body = (
        <div className="form-group">
          <label htmlFor={id} className="active">
            <Label question={question} />
            {config.unit ? ` (${config.unit})` : ''}
          </label>
          <input
            id={id}
            type="number"
            inputMode={config.integerOnly ? 'numeric' : 'decimal'}
            className={`form-control${error ? ' is-invalid' : ''}`}
            value={typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''}
            min={config.min ?? undefined}
            max={config.max ?? undefined}
            step={config.integerOnly ? 1 : 'any'}
            disabled={isReadOnly}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, question, error)}
            onChange={(event) => onChange(event.target.value === '' ? null : Number.isNaN(event.target.valueAsNumber) ? event.target.value : event.target.valueAsNumber)}
          />
          <Messages id={id} question={question} error={error} />
        </div>
      );
      break;
    case 'short_text':
    case 'long_text': {
      const common = {
        id, className: `form-control${error ? ' is-invalid' : ''}`, value: typeof value === 'string' ? value : '', disabled: isReadOnly,
        'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, question, error),
      };
      body = (
        <div className="form-group">
          <label htmlFor={id} className="active">
            <Label question={question} />
          </label>
          {question.type === 'short_text' ? (
            <input {...common} maxLength={300} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)} />
          ) : (
            <textarea {...common} rows={4} maxLength={5000} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)} />
          )}
          <Messages id={id} question={question} error={error} />
        </div>
      );
      break;
    }
    case 'municipality':
      body = <MunicipalityQuestion {...props} id={id} />;
      break;
  }
  return (
    <div id={questionAnchor(question.id)} className={`survey-question mb-4${error ? ' has-error' : ''}`} tabIndex={-1}>
      {body}
    </div>
  );
}
