import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import type { TReconciliationItem } from '../../../common/contracts/territory';
import { RESOURCES } from '../../app/i18n/i18n';
import { describeReconciliation } from './reconciliation-note';

// The translations are composed from the web modules' registry, which loads the home page eagerly; the design kit it
// uses does not load under Node, and no page is rendered here.
vi.mock('../home/home-page', () => ({ HomePage: () => null }));

async function translator(language: 'it' | 'en'): Promise<TFunction> {
  const instance = createInstance();
  await instance.init({ resources: RESOURCES, lng: language, fallbackLng: false, interpolation: { escapeValue: false }, showSupportNotice: false });
  return instance.t;
}

type Item = Pick<TReconciliationItem, 'presentIn' | 'facts'>;
const say = async (item: Item, language: 'it' | 'en') => describeReconciliation(item, await translator(language), language);

const merged: Item = {
  presentIn: 'merged',
  facts: {
    predecessors: [{ code: '025002', name: 'Alano di Piave' }, { code: '025070', name: 'Quero Vas' }],
    on: '2026-01-01',
    populationFrom: ['025002', '025070'],
  },
};

describe('describeReconciliation', () => {
  it('says a merger with its predecessors by name, the day in the language and whose census gives the population', async () => {
    expect(await say(merged, 'it')).toBe(
      "Nato dalla fusione di Alano di Piave e Quero Vas in data 1 gen 2026, dopo i confini del 2023: il suo confine è l'unione dei loro e il suo punto rappresentativo è calcolato su di esso. Popolazione: la somma dei censimenti 2011 di Alano di Piave e Quero Vas.",
    );
    expect(await say(merged, 'en')).toBe(
      "Born of the merger of Alano di Piave and Quero Vas on Jan 1, 2026, after the 2023 boundaries: its boundary is the union of theirs, and its representative point is computed on it. Population: the sum of the 2011 census of Alano di Piave and Quero Vas.",
    );
  });

  it('says a new code with the former one and its day', async () => {
    const recoded: Item = { presentIn: 'recoded', facts: { formerCode: '090064', on: '2026-01-01' } };
    expect(await say(recoded, 'it')).toBe(
      'Lo stesso comune con un nuovo codice: prima aveva il codice 090064, cambiato in data 1 gen 2026. Il suo confine è quello del codice precedente nei confini del 2023.',
    );
    expect(await say(recoded, 'en')).toMatch(/^The same municipality under a new code: its code was 090064, changed on Jan 1, 2026\./);
  });

  it('names the successor of a retired boundary, and says when the sources give no day or no successor', async () => {
    const into: Item = { presentIn: 'boundaries_only', facts: { successor: { code: '025075', name: 'Setteville' }, on: '2026-02-15' } };
    expect(await say(into, 'it')).toBe('Fuso in Setteville in data 15 feb 2026: il suo confine è parte di quello di Setteville.');
    expect(await say(into, 'en')).toBe("Merged into Setteville on Feb 15, 2026: its boundary is part of Setteville's.");
    const ceased: Item = { presentIn: 'boundaries_only', facts: { successor: null, on: null } };
    expect(await say(ceased, 'it')).toMatch(/^Cessato in una data che le fonti non indicano; dalla storia dei codici/);
    expect(await say(ceased, 'en')).toMatch(/^Ceased on a date the sources do not give; which municipality took its territory/);
    expect(await say({ presentIn: 'boundaries_only', facts: { isUnknownToHistory: true } }, 'it')).toBe(
      "Non è un comune dell'elenco attuale e non compare nella storia dei codici dell'ANPR: il suo confine non è usato.",
    );
  });

  it('names a census source known only by its code as such, and says an unknown population', async () => {
    expect(await say({ presentIn: 'list_only', facts: { populationFrom: ['005079'] } }, 'it')).toMatch(/ Popolazione: il censimento 2011 di un comune soppresso \(codice ISTAT 005079\)\.$/);
    expect(await say({ presentIn: 'list_only', facts: { populationFrom: ['005079', '005110'] } }, 'en')).toMatch(
      / Population: the sum of the 2011 census of a former municipality \(ISTAT code 005079\) and a former municipality \(ISTAT code 005110\)\.$/,
    );
    expect(await say({ presentIn: 'list_only', facts: { isPopulationUnknown: true } }, 'it')).toMatch(/^Senza confine né punto: .* Popolazione sconosciuta: /);
    expect(await say({ presentIn: 'both_without_geometry', facts: {} }, 'en')).toBe('Without boundary or point: the 2023 boundaries list it with an empty geometry.');
  });

  it('never shows the English note of a report imported before the facts existed', async () => {
    expect(await say({ presentIn: 'recoded' }, 'it')).toBe('Le fonti lo trattano diversamente; i dettagli non sono stati registrati da questa importazione.');
  });
});
