import type { TFunction } from 'i18next';
import type { TReconciliationItem } from '../../../common/contracts/territory';
import { formatDay } from '../../app/format';

/**
 * Why the sources differ on one municipality, said in the reader's language from the facts the server sends (the
 * item's `treatment` is English prose of older reports; the CLI says the same facts in Italian through the territory
 * module's describeReconciliation): "Nato dalla fusione di Alano di Piave e Quero Vas in data 1 gen 2026, …". Days go
 * through formatDay, lists of names through the language's list format; a predecessor known only by its code is named
 * "a former municipality (ISTAT code …)". A report imported before the facts existed says so rather than show the
 * English note.
 */
export function describeReconciliation(item: Pick<TReconciliationItem, 'presentIn' | 'facts'>, t: TFunction, language: string): string {
  const { facts } = item;
  if (facts === undefined) return t('territory.reconciliationNote.noDetails');
  const when = facts.on ? t('territory.reconciliationNote.onDay', { day: formatDay(facts.on, language) }) : t('territory.reconciliationNote.onUnknownDay');
  const list = (names: string[]) => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);
  const nameOf = (code: string) =>
    facts.predecessors?.find((predecessor) => predecessor.code === code)?.name ?? t('territory.reconciliationNote.byCode', { code });

  let sentence: string;
  switch (item.presentIn) {
    case 'both_without_geometry':
      sentence = t('territory.reconciliationNote.bothWithoutGeometry');
      break;
    case 'list_only':
      sentence = t('territory.reconciliationNote.listOnly');
      break;
    case 'recoded':
      sentence = t('territory.reconciliationNote.recoded', { formerCode: facts.formerCode ?? '', when });
      break;
    case 'merged':
      sentence = t('territory.reconciliationNote.merged', { predecessors: list((facts.predecessors ?? []).map((predecessor) => predecessor.name)), when });
      break;
    case 'boundaries_only':
      sentence = facts.isUnknownToHistory
        ? t('territory.reconciliationNote.unknownToHistory')
        : facts.successor
          ? t('territory.reconciliationNote.mergedInto', { successor: facts.successor.name, when })
          : t('territory.reconciliationNote.ceased', { when });
      break;
  }
  const population = facts.populationFrom?.length
    ? t('territory.reconciliationNote.populationFrom', { count: facts.populationFrom.length, names: list(facts.populationFrom.map(nameOf)) })
    : facts.isPopulationUnknown
      ? t('territory.reconciliationNote.populationUnknown')
      : '';
  return population ? `${sentence} ${population}` : sentence;
}
