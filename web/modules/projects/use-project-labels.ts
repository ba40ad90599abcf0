import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../app/format';
import { formatCents } from './project-money';

/**
 * Every code a project page shows, in words of the interface language: statuses, strands, roles, categories, funding
 * kinds, target groups, organization kinds and sectors; days and amounts formatted for the reader. A code the texts do
 * not know (a newer server) reads as a generic word, never as itself.
 */
export function useProjectLabels() {
  const { t, i18n } = useTranslation('projects');
  const language = i18n.language;
  const label = useCallback(
    (group: string, code: string | null | undefined) => (code ? t(`${group}.${code}`, { defaultValue: t('unknownValue') }) : t('unknownValue')),
    [t],
  );
  return useMemo(
    () => ({
      status: (code: string) => label('statuses', code),
      moveTo: (code: string) => label('moveTo', code),
      strand: (code: string) => label('strands', code),
      role: (code: string) => label('roles', code),
      budgetCategory: (code: string) => label('budgetCategories', code),
      fundingKind: (code: string) => label('fundingKinds', code),
      targetGroup: (code: string) => label('targetGroups', code),
      milestoneKind: (code: string) => label('milestoneKinds', code),
      milestoneStatus: (code: string) => label('milestoneStatuses', code),
      decision: (code: string) => label('decisions', code),
      criterion: (code: string) => label('criteria', code),
      condition: (code: string) => t(`conditions.${code}`, { defaultValue: t('conditionOther') }),
      organizationKind: (code: string) => t(`districts.kinds.${code}`, { ns: 'translation', defaultValue: t('unknownValue') }),
      sector: (code: string | null) => (code ? t(`districts.sectors.${code}`, { ns: 'translation', defaultValue: t('unknownValue') }) : t('unknownValue')),
      day: (iso: string | null) => (iso ? formatDay(iso, language) : '—'),
      /** A month of beneficiaries ("2026-03") as "marzo 2026". */
      month: (period: string) => {
        const date = new Date(`${period}-01T12:00:00Z`);
        return Number.isNaN(date.getTime()) ? period : new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
      },
      money: (cents: number) => formatCents(cents, language),
      /** Basis points (10 000 = 100 %) as a percentage with up to two decimals. */
      basisPoints: (value: number) => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(value / 10_000),
      language,
    }),
    [label, language, t],
  );
}

export type ProjectLabels = ReturnType<typeof useProjectLabels>;
