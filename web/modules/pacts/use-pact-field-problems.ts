import { useTranslation } from 'react-i18next';
import { isFieldReason } from '../../../common/contracts/errors';
import { isApiError } from '../../app/api-client';

/**
 * The server's problem with one field of a pact form (its 4xx names the field), in the interface language: a known
 * reason in the shell's words, otherwise what the field wants (`form.fieldHints.<field>`), never the server's English.
 */
export function usePactFieldProblems(error: unknown) {
  const { t } = useTranslation('pacts');
  const { t: tShell } = useTranslation();
  return (path: string): string | null => {
    if (!isApiError(error)) return null;
    const issue = error.fields.find((field) => field.path === path || field.path === `body.${path}`);
    if (!issue) return null;
    if (isFieldReason(issue.reason)) return tShell(`fieldReasons.${issue.reason}`);
    return t(`form.fieldHints.${path}`, { defaultValue: t('form.fieldHints.other') });
  };
}
