import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/error-alert';
import { describeError, errorReference } from './error-messages';

/** An ErrorAlert for a failed API call, localised from the error code. */
export function ApiErrorAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return <ErrorAlert title={title} message={describeError(error, t)} detail={errorReference(error, t)} onRetry={onRetry} />;
}
