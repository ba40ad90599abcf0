import { useId, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { municipalityLookupQuery } from './territory.queries';

export interface PickedMunicipality {
  istatCode: string;
  name: string;
}

/**
 * A labelled text box that suggests municipalities as you type (a native datalist: keyboard and screen readers
 * work as with any input). Choosing a suggestion sets the municipality; clearing the text removes it. People choose a
 * municipality by its name, never by typing its ISTAT code (services' "near" box and location, organizations' seat).
 */
export function MunicipalityPicker({
  id,
  label,
  help,
  error,
  isRequired = false,
  value,
  onChange,
}: {
  id: string;
  label: string;
  help?: string;
  /** What is wrong with the choice, shown under the box (the box is then marked invalid). */
  error?: string;
  isRequired?: boolean;
  value: PickedMunicipality | null;
  onChange: (value: PickedMunicipality | null) => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const query = useDebouncedValue(text.trim(), 250);
  const suggestions = useQuery(municipalityLookupQuery(query));
  const options = suggestions.data ?? [];
  const labelOf = (m: { name: string; provinceAbbreviation: string }) => `${m.name} (${m.provinceAbbreviation})`;

  const pick = (typed: string) => {
    setText(typed);
    if (typed.trim() === '') return onChange(null);
    const match = options.find((m) => labelOf(m) === typed || m.name.toLowerCase() === typed.trim().toLowerCase());
    if (match) onChange({ istatCode: match.istatCode, name: match.name });
  };

  // Enter on a name not chosen from the list: the best suggestion (the first) is chosen, then the form is sent.
  const chooseBestOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    const best = options[0];
    if (event.key !== 'Enter' || !best || text.trim() === '' || value?.istatCode === best.istatCode) return;
    if (value && labelOf(best) !== text && value.name.toLowerCase() === text.trim().toLowerCase()) return;
    event.preventDefault();
    const form = event.currentTarget.form;
    flushSync(() => {
      setText(labelOf(best));
      onChange({ istatCode: best.istatCode, name: best.name });
    });
    form?.requestSubmit();
  };

  return (
    <div className="form-group">
      <label htmlFor={id} className="active">
        {label}
        {isRequired && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={id}
        className={error ? 'form-control is-invalid' : 'form-control'}
        list={listId}
        required={isRequired}
        aria-invalid={error ? true : undefined}
        value={text}
        autoComplete="off"
        aria-describedby={[help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(event) => pick(event.target.value)}
        onKeyDown={chooseBestOnEnter}
      />
      <datalist id={listId}>
        {options.map((m) => (
          <option key={m.istatCode} value={labelOf(m)} />
        ))}
      </datalist>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
      {help && (
        <small id={`${id}-help`} className="form-text">
          {help}
          {value ? ` ${t('territory.picker.chosen', { name: value.name })}` : ''}
        </small>
      )}
    </div>
  );
}
