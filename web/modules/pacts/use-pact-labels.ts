import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatInstantDay, formatNumber } from '../../app/format';

/**
 * Every code the pact pages show, in words of the interface language (a code the texts do not know reads as a
 * generic word, never as itself), and days in words: a calendar day (`…On`) and the Italian day of an instant (`…At`).
 */
export function usePactLabels() {
  const { t, i18n } = useTranslation('pacts');
  const language = i18n.language;
  const label = useCallback((group: string, code: string) => t(`${group}.${code}`, { defaultValue: t('unknownValue') }), [t]);
  return useMemo(
    () => ({
      status: (code: string) => label('statuses', code),
      moveTo: (code: string) => label('moveTo', code),
      signatureStatus: (code: string) => label('signatureStatuses', code),
      signatureKind: (code: string) => label('signatureKinds', code),
      articleChange: (code: string) => label('articleChanges', code),
      day: (iso: string | null) => (iso ? formatDay(iso, language) : '—'),
      instantDay: (iso: string | null) => (iso ? formatInstantDay(iso, language) : '—'),
      number: (value: number) => formatNumber(value, language),
      language,
    }),
    [label, language],
  );
}
