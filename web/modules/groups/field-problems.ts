import { useTranslation } from 'react-i18next';
import { isFieldReason } from '../../../common/contracts/errors';
import { isApiError } from '../../app/api-client';

/**
 * The server's problem with one field of a form, in the interface language: a known reason in the shell's words
 * (`fieldReasons`), otherwise this module's sentence saying what the field wants (`fieldHints.<field>`), never the
 * server's English message. `agenda.2.title` reads the hint of `agenda.title`.
 */
export function useFieldProblems(error: unknown) {
  const { t } = useTranslation('groups');
  const { t: tShell } = useTranslation();
  return (path: string): string | null => {
    if (!isApiError(error)) return null;
    const issue = error.fields.find((field) => field.path === path || field.path === `body.${path}`);
    if (!issue) return null;
    if (isFieldReason(issue.reason)) return tShell(`fieldReasons.${issue.reason}`);
    const hint = path.replace(/\.\d+(?=\.|$)/g, '');
    return t(`fieldHints.${hint}`, { defaultValue: t('fieldHints.other') });
  };
}
