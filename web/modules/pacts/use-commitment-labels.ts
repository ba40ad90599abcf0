import { useTranslation } from 'react-i18next';
import type { CommitmentRecurrence, CommitmentStatus } from '../../../common/domain/pacts';
import { formatDay, formatInstantDay, formatNumber } from '../../app/format';
import { COMMITMENT_STATUS_SYMBOLS } from './pact-commitment-rules';

/** Words for the commitments' codes and dates in the interface language (never the raw codes or ISO dates). */
export function useCommitmentLabels() {
  const { t, i18n } = useTranslation('pacts');
  const language = i18n.language;
  const status = (value: CommitmentStatus) => t(`commitmentStatuses.${value}`);
  return {
    language,
    status,
    /** The status with its symbol, for lists and tables (the symbol is hidden from screen readers by the caller). */
    symbol: (value: CommitmentStatus) => COMMITMENT_STATUS_SYMBOLS[value],
    number: (value: number) => formatNumber(value, language),
    day: (value: string) => formatDay(value, language),
    instantDay: (value: string) => formatInstantDay(value, language),
    /** When it is due, in words: "entro il 15 gen 2026", "ogni tre mesi, prossima scadenza 15 gen 2026", "senza scadenza". */
    due: (dueOn: string | null, recurrence: CommitmentRecurrence) =>
      dueOn === null ? t('commitments.noDue') : recurrence === 'none' ? t('commitments.dueOn', { day: formatDay(dueOn, language) }) : t('commitments.recurring', { every: t(`commitments.recurrences.${recurrence}`), day: formatDay(dueOn, language) }),
  };
}
