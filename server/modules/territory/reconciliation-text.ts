import type { TReconciliationItem } from '../../../common/contracts/territory';
import { formatDay, type Language } from '../../platform/texts';
import { TERRITORY_TEXTS } from './territory.texts';

const LIST_LOCALE: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

/**
 * A reconciliation note said in the reader's language from its facts, as the web says it
 * (web/modules/territory/reconciliation-note.ts): "Nato dalla fusione di Alano di Piave e Quero Vas in data
 * 1 gennaio 2026, …". An item without facts (a report imported before they existed) says the sources differ.
 */
export function describeReconciliation(item: Pick<TReconciliationItem, 'presentIn' | 'facts'>, language: Language): string {
  const texts = TERRITORY_TEXTS[language];
  const { facts } = item;
  if (facts === undefined) return texts.noDetails;
  const when = facts.on ? texts.onDay(formatDay(facts.on, language)) : texts.onUnknownDay;
  const list = (names: string[]) => new Intl.ListFormat(LIST_LOCALE[language], { style: 'long', type: 'conjunction' }).format(names);
  const nameOf = (code: string) => facts.predecessors?.find((predecessor) => predecessor.code === code)?.name ?? texts.byCode(code);

  let sentence: string;
  switch (item.presentIn) {
    case 'both_without_geometry':
      sentence = texts.bothWithoutGeometry;
      break;
    case 'list_only':
      sentence = texts.listOnly;
      break;
    case 'recoded':
      sentence = texts.recoded(facts.formerCode ?? '', when);
      break;
    case 'merged':
      sentence = texts.merged(list((facts.predecessors ?? []).map((predecessor) => predecessor.name)), when);
      break;
    case 'boundaries_only':
      sentence = facts.isUnknownToHistory ? texts.unknownToHistory : facts.successor ? texts.mergedInto(facts.successor.name, when) : texts.ceased(when);
      break;
  }
  const population = facts.populationFrom?.length
    ? texts.populationFrom(facts.populationFrom.length, list(facts.populationFrom.map(nameOf)))
    : facts.isPopulationUnknown
      ? texts.populationUnknown
      : '';
  return population ? `${sentence} ${population}` : sentence;
}
