import { describe, expect, it } from 'vitest';
import { describeMunicipalityResolution, formatVariationDate } from './municipality-codes';

describe('describeMunicipalityResolution', () => {
  it('says a merger with the successor and a date for people, in Italian and English', () => {
    const merged = {
      kind: 'succeeded',
      code: '005079',
      name: 'Moransengo',
      successorCode: '005122',
      successorName: 'Moransengo-Tonengo',
      on: '2023-01-01',
      reason: 'merged',
    } as const;
    expect(describeMunicipalityResolution(merged, 'en')).toBe('005079 Moransengo merged into 005122 Moransengo-Tonengo on 1 Jan 2023');
    expect(describeMunicipalityResolution(merged, 'it')).toBe('005079 Moransengo confluito in 005122 Moransengo-Tonengo il 1° gennaio 2023');
  });

  it('says a recoding as such, not as a merger', () => {
    const recoded = {
      kind: 'succeeded',
      code: '041033',
      name: 'Montecopiolo',
      successorCode: '099030',
      successorName: 'Montecopiolo',
      on: '2021-06-17',
      reason: 'recoded',
    } as const;
    expect(describeMunicipalityResolution(recoded, 'en')).toBe('041033 Montecopiolo recoded as 099030 Montecopiolo on 17 Jun 2021');
    expect(describeMunicipalityResolution(recoded, 'it')).toBe('041033 Montecopiolo ricodificato come 099030 Montecopiolo il 17 giugno 2021');
  });

  it('says when the sources give no date', () => {
    const undated = { kind: 'succeeded', code: '025002', name: 'Alano di Piave', successorCode: '025075', successorName: 'Setteville', on: null, reason: 'merged' } as const;
    expect(describeMunicipalityResolution(undated, 'en')).toBe('025002 Alano di Piave merged into 025075 Setteville (the sources give no date)');
    expect(describeMunicipalityResolution(undated, 'it')).toBe('025002 Alano di Piave confluito in 025075 Setteville (data non indicata dalle fonti)');
  });

  it('says a ceased code without inventing a successor, and an unknown code', () => {
    const ceased = { kind: 'ceased', code: '022027', name: 'Brez', ceasedOn: '2020-01-01' } as const;
    expect(describeMunicipalityResolution(ceased, 'en')).toBe(
      '022027 Brez ceased on 1 Jan 2020, the municipality that took its territory cannot be derived from the sources',
    );
    expect(describeMunicipalityResolution(ceased, 'it')).toBe(
      '022027 Brez soppresso il 1° gennaio 2020, comune che ne ha preso il territorio non ricavabile dalle fonti',
    );
    expect(describeMunicipalityResolution({ kind: 'unknown', code: '999999' }, 'it')).toBe('999999: codice ISTAT di comune sconosciuto');
    expect(describeMunicipalityResolution({ kind: 'unknown', code: '999999' }, 'en')).toBe('999999: unknown ISTAT municipality code');
    expect(describeMunicipalityResolution({ kind: 'current', code: '001191', name: 'Pinerolo' }, 'it')).toBe('001191 Pinerolo');
  });
});

describe('formatVariationDate', () => {
  it('writes days and months for people, the first of the month as an Italian ordinal', () => {
    expect(formatVariationDate('2020-01-01', 'it')).toBe('1° gennaio 2020');
    expect(formatVariationDate('2021-06-17', 'it')).toBe('17 giugno 2021');
    expect(formatVariationDate('2019-12-31', 'it')).toBe('31 dicembre 2019');
    expect(formatVariationDate('2020-01-01', 'en')).toBe('1 Jan 2020');
    expect(formatVariationDate('2026-08-02', 'en')).toBe('2 Aug 2026');
  });

  it('refuses what is not a date', () => {
    expect(() => formatVariationDate('01/01/2020', 'it')).toThrow(/YYYY-MM-DD/);
    expect(() => formatVariationDate('2020-13-01', 'en')).toThrow(/calendar/);
  });
});
