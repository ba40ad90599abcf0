import { useTranslation } from 'react-i18next';
import { isFieldReason } from '../../common/contracts/errors';
import { isApiError } from './api-client';

/**
 * The server's problem with one field of a form (its 4xx names the field), in the interface language: a known reason
 * in the shell's words (`fieldReasons`), otherwise the module's sentence saying what the field wants
 * (`<hintsKey>.<field>`, or `<hintsKey>.other`), never the server's English message. `agenda.2.title` reads the hint
 * of `agenda.title`.
 */
export function useFieldProblems(error: unknown, namespace: Parameters<typeof useTranslation>[0] & string, hintsKey: string) {
  const { t } = useTranslation(namespace);
  const { t: tShell } = useTranslation();
  return (path: string): string | null => {
    if (!isApiError(error)) return null;
    const issue = error.fields.find((field) => field.path === path || field.path === `body.${path}`);
    if (!issue) return null;
    if (isFieldReason(issue.reason)) return tShell(`fieldReasons.${issue.reason}`);
    const hint = path.replace(/\.\d+(?=\.|$)/g, '');
    return String(t(`${hintsKey}.${hint}` as never, { defaultValue: t(`${hintsKey}.other` as never) }));
  };
}
