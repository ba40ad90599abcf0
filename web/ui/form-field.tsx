import { useState, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldFrame {
  id: string;
  label: string;
  /** Error under the field; also sets aria-invalid and is linked with aria-describedby. */
  error?: string | null;
  /** Help text under the field, linked with aria-describedby. */
  help?: ReactNode;
  /** Marks the label with a visible "(obbligatorio)". */
  isRequired?: boolean;
  className?: string;
}

function describedBy(id: string, error: string | null | undefined, help: ReactNode): string | undefined {
  const ids = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldLabel({ id, label, isRequired }: { id: string; label: string; isRequired?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={id} className="active">
      {label}
      {isRequired && <span className="field-required"> ({t('ui.required')})</span>}
    </label>
  );
}

function FieldMessages({ id, error, help }: { id: string; error?: string | null; help?: ReactNode }) {
  return (
    <>
      {help && (
        <small id={`${id}-help`} className="form-text">
          {help}
        </small>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </>
  );
}

export type TextFieldProps = FieldFrame &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & { inputRef?: Ref<HTMLInputElement> };

/** A labelled Bootstrap Italia text input (label always above, never a placeholder-as-label). */
export function TextField({ id, label, error, help, isRequired, className, inputRef, type = 'text', ...input }: TextFieldProps) {
  return (
    <div className={`form-group ${className ?? ''}`}>
      <FieldLabel id={id} label={label} isRequired={isRequired} />
      <input
        {...input}
        type={type}
        ref={inputRef}
        id={id}
        required={isRequired}
        className={`form-control${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, help)}
      />
      <FieldMessages id={id} error={error} help={help} />
    </div>
  );
}

/** A password input with a real button to show or hide what was typed. */
export function PasswordField({ id, label, error, help, isRequired, className, inputRef, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const [isVisible, setVisible] = useState(false);
  return (
    <div className={`form-group ${className ?? ''}`}>
      <FieldLabel id={id} label={label} isRequired={isRequired} />
      <div className="input-group">
        <input
          {...input}
          ref={inputRef}
          id={id}
          type={isVisible ? 'text' : 'password'}
          required={isRequired}
          className={`form-control${error ? ' is-invalid' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, help)}
        />
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          aria-pressed={isVisible}
          aria-controls={id}
          onClick={() => setVisible((visible) => !visible)}
        >
          {isVisible ? t('ui.hidePassword') : t('ui.showPassword')}
        </button>
      </div>
      <FieldMessages id={id} error={error} help={help} />
    </div>
  );
}

export type TextAreaFieldProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

export function TextAreaField({ id, label, error, help, isRequired, className, ...textarea }: TextAreaFieldProps) {
  return (
    <div className={`form-group ${className ?? ''}`}>
      <FieldLabel id={id} label={label} isRequired={isRequired} />
      <textarea
        {...textarea}
        id={id}
        required={isRequired}
        className={`form-control${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, help)}
      />
      <FieldMessages id={id} error={error} help={help} />
    </div>
  );
}

export type SelectFieldProps = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> & { children: ReactNode };

export function SelectField({ id, label, error, help, isRequired, className, children, ...select }: SelectFieldProps) {
  return (
    <div className={`select-wrapper mb-4 ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        {...select}
        id={id}
        required={isRequired}
        className={error ? 'is-invalid' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, help)}
      >
        {children}
      </select>
      <FieldMessages id={id} error={error} help={help} />
    </div>
  );
}
