import { beforeAll, describe, expect, it } from 'vitest';
import type { TReconciliationItem } from '../../../common/contracts/territory';
import { expectNoRawCodes } from '../../platform/testing/raw-codes';
import { describeReconciliation } from './reconciliation-text';
import { buildTerritory, readTerritorySources } from './territory-source';

type Item = Pick<TReconciliationItem, 'presentIn' | 'facts'>;

describe('describeReconciliation (server side, the CLI prints it in Italian)', () => {
  it('says a merger with its predecessors by name, the day in words and whose census gives the population', () => {
    const merged: Item = {
      presentIn: 'merged',
      facts: { predecessors: [{ code: '025002', name: 'Alano di Piave' }, { code: '025070', name: 'Quero Vas' }], on: '2026-01-01', populationFrom: ['025002', '025070'] },
    };
    expect(describeReconciliation(merged, 'it')).toBe(
      "Nato dalla fusione di Alano di Piave e Quero Vas in data 1 gennaio 2026, dopo i confini del 2023: il suo confine è l'unione dei loro e il suo punto rappresentativo è calcolato su di esso. Popolazione: la somma dei censimenti 2011 di Alano di Piave e Quero Vas.",
    );
    expect(describeReconciliation(merged, 'en')).toBe(
      'Born of the merger of Alano di Piave and Quero Vas on 1 January 2026, after the 2023 boundaries: its boundary is the union of theirs, and its representative point is computed on it. Population: the sum of the 2011 census of Alano di Piave and Quero Vas.',
    );
  });

  it('says a new code, a retired boundary with or without successor, a predecessor known only by code, and no facts', () => {
    expect(describeReconciliation({ presentIn: 'recoded', facts: { formerCode: '090064', on: '2026-01-01' } }, 'it')).toBe(
      'Lo stesso comune con un nuovo codice: prima aveva il codice 090064, cambiato in data 1 gennaio 2026. Il suo confine è quello del codice precedente nei confini del 2023.',
    );
    expect(describeReconciliation({ presentIn: 'boundaries_only', facts: { successor: { code: '025075', name: 'Setteville' }, on: '2026-02-15' } }, 'it')).toBe(
      'Fuso in Setteville in data 15 febbraio 2026: il suo confine è parte di quello di Setteville.',
    );
    expect(describeReconciliation({ presentIn: 'boundaries_only', facts: { successor: null, on: null } }, 'it')).toMatch(/^Cessato in una data che le fonti non indicano; /);
    expect(describeReconciliation({ presentIn: 'boundaries_only', facts: { isUnknownToHistory: true } }, 'en')).toMatch(/^Not a municipality of the current list/);
    expect(describeReconciliation({ presentIn: 'list_only', facts: { populationFrom: ['005079'] } }, 'it')).toBe(
      "Senza confine né punto: non è nei confini del 2023, né vi compare alcuno dei comuni da cui è nato (secondo la storia dei codici dell'ANPR). Popolazione: il censimento 2011 di un comune soppresso (codice ISTAT 005079).",
    );
    expect(describeReconciliation({ presentIn: 'list_only', facts: { isPopulationUnknown: true } }, 'en')).toMatch(/Population unknown: /);
    expect(describeReconciliation({ presentIn: 'both_without_geometry', facts: {} }, 'it')).toBe('Senza confine né punto: i confini del 2023 lo elencano con una geometria vuota.');
    expect(describeReconciliation({ presentIn: 'merged' }, 'it')).toBe('Le fonti lo trattano diversamente; i dettagli non sono stati registrati da questa importazione.');
  });

  describe('over the whole country’s import', () => {
    let items: TReconciliationItem[];
    beforeAll(() => {
      items = buildTerritory(readTerritorySources()).reconciliation;
    });

    it('says every note of the import in Italian from its facts: no ISO day, no raw code, never the English prose', () => {
      expect(items.length).toBeGreaterThan(300);
      for (const item of items) {
        const note = describeReconciliation(item, 'it');
        expectNoRawCodes(note);
        expect(note).not.toBe(item.treatment);
        expect(note, item.istatCode).not.toMatch(/\b(the|boundary|boundaries|census|merged|kept)\b/i);
      }
      const setteville = items.find((item) => item.istatCode === '025075')!;
      expect(describeReconciliation(setteville, 'it')).toBe(
        "Nato dalla fusione di Alano di Piave e Quero Vas in una data che le fonti non indicano, dopo i confini del 2023: il suo confine è l'unione dei loro e il suo punto rappresentativo è calcolato su di esso. Popolazione: la somma dei censimenti 2011 di Alano di Piave e Quero Vas.",
      );
    });
  });
});
