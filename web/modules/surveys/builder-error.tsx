import { useTranslation } from 'react-i18next';
import { fieldsOf, isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';

/**
 * A builder error in words the coordinator can act on: which question has answers and why the change is refused,
 * which field is wrong; other errors as usual.
 */
export function BuilderError({ error }: { error: unknown }) {
  const { t } = useTranslation('surveys');
  if (!isApiError(error)) return <ApiErrorAlert error={error} />;
  const details = (error.details ?? {}) as { questionCode?: string; questionLabel?: string; change?: 'remove' | 'retype' | 'remove_item'; item?: string | null; from?: string; to?: string };
  let text: string | null = null;
  if (error.code === 'SURVEYS.QUESTION_HAS_ANSWERS' && details.change) {
    text = t(`builderErrors.${details.change}`, { code: details.questionCode ?? '', label: details.questionLabel ?? '', item: details.item ?? '' });
  } else if (error.code === 'SURVEYS.INVALID_TRANSITION' || error.code === 'SURVEYS.DUPLICATE_QUESTION_CODE' || error.code === 'SURVEYS.CLOSED') {
    text = error.message;
  }
  const fields = fieldsOf(error.details);
  if (!text && fields.length === 0) return <ApiErrorAlert error={error} />;
  return (
    <div className="alert alert-danger" role="alert">
      {text && <p className="mb-1">{text}</p>}
      {fields.length > 0 && (
        <ul className="mb-0">
          {fields.map((field) => (
            <li key={field.path}>
              <code>{field.path}</code>: {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
