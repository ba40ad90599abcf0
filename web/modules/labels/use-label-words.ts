import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatInstantDay } from '../../app/format';
import { validityParts } from './label-rules';

/** Every code a label page shows, in words of the interface language; a code the texts do not know reads as a generic word. */
export function useLabelWords() {
  const { t, i18n } = useTranslation('labels');
  const language = i18n.language;
  return useMemo(
    () => ({
      language,
      status: (code: string) => t(`applicationStatuses.${code}`, { defaultValue: t('unknownValue') }),
      state: (code: string) => t(`states.${code}`, { defaultValue: t('unknownValue') }),
      kind: (code: string) => t(`criterionKindsTitle.${code}`, { defaultValue: t('unknownValue') }),
      /** 24 → "2 anni", 30 → "2 anni e 6 mesi", 7 → "7 mesi". */
      validity: (totalMonths: number) => {
        const { years, months } = validityParts(totalMonths);
        const yearWords = t('validity.years', { count: years });
        const monthWords = t('validity.months', { count: months });
        if (years === 0) return monthWords;
        if (months === 0) return yearWords;
        return t('validity.both', { years: yearWords, months: monthWords });
      },
      day: (iso: string | null) => (iso ? formatDay(iso, language) : '—'),
      /** A timestamp's day in Italy (submitted, decided). */
      instantDay: (iso: string | null) => (iso ? formatInstantDay(iso, language) : '—'),
    }),
    [t, language],
  );
}
