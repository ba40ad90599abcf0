import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PracticeOutcome } from '../../../common/domain/practices';
import { taxonomyQuery } from '../services';

const OUTCOME_BADGE: Record<PracticeOutcome, string> = { success: 'bg-success', partial: 'bg-warning text-dark', failure: 'bg-danger' };

/** The outcome as a coloured badge with its word (the colour is never the only sign). */
export function OutcomeBadge({ outcome }: { outcome: PracticeOutcome }) {
  const { t } = useTranslation('practices');
  return <span className={`badge ${OUTCOME_BADGE[outcome]}`}>{t(`outcomes.${outcome}`)}</span>;
}

/** The taxonomy's category labels in the interface language, and the terms for a select. */
export function useCategoryLabels() {
  const { i18n } = useTranslation();
  const categories = useQuery(taxonomyQuery);
  return useMemo(() => {
    const byCode = new Map((categories.data ?? []).map((term) => [term.code, i18n.language === 'en' ? term.labelEn : term.labelIt]));
    return { label: (code: string) => byCode.get(code) ?? null, terms: categories.data ?? [] };
  }, [categories.data, i18n.language]);
}

/** A snippet whose matches the server put between « and », with the matches marked. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(«[^«»]*»)/g).filter((part) => part !== '');
  return (
    <p className="mb-1 small text-secondary">
      {parts.map((part, index) =>
        part.startsWith('«') && part.endsWith('»') ? <mark key={index}>{part.slice(1, -1)}</mark> : <span key={index}>{part}</span>,
      )}
    </p>
  );
}
