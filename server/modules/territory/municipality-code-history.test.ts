import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCurrentMunicipalityList, type CurrentListMunicipality } from './current-list';
import {
  deriveMunicipalityCodeVariations,
  nextDay,
  parseAnprCodeHistory,
  titleCaseAnprName,
  type AnprCodePeriod,
  type MunicipalityCodeVariation,
} from './municipality-code-history';
import { TERRITORY_DATA_DIR } from './territory-source';

const period = (overrides: Partial<AnprCodePeriod> & Pick<AnprCodePeriod, 'istatCode' | 'cadastralCode'>): AnprCodePeriod => ({
  name: overrides.istatCode,
  provinceCode: overrides.istatCode.slice(0, 3),
  regionCode: '01',
  institutedOn: '1947-01-10',
  lastValidOn: null,
  ...overrides,
});
const current = (istatCode: string, cadastralCode: string, name = istatCode) => ({ istatCode, cadastralCode, name, regionCode: '01' });

describe('the rules of the derivation (small made-up histories)', () => {
  it('a code that ceased the day before one new code of its province was born merged into it', () => {
    const variations = deriveMunicipalityCodeVariations(
      [
        period({ istatCode: '005001', cadastralCode: 'A001', lastValidOn: '2022-12-31', name: 'PRIMO' }),
        period({ istatCode: '005002', cadastralCode: 'A002', lastValidOn: '2022-12-31', name: 'SECONDO' }),
        period({ istatCode: '005009', cadastralCode: 'A009', institutedOn: '2023-01-01', name: 'NUOVO' }),
        // Born the same day in another province: not a candidate.
        period({ istatCode: '006009', cadastralCode: 'A019', institutedOn: '2023-01-01' }),
      ],
      [current('005009', 'A009', 'Nuovo'), current('006009', 'A019')],
    );
    expect(variations).toEqual([
      { suppressedCode: '005001', suppressedName: 'Primo', provinceCode: '005', ceasedOn: '2023-01-01', successorCode: '005009', successorName: 'Nuovo', reason: 'merged' },
      { suppressedCode: '005002', suppressedName: 'Secondo', provinceCode: '005', ceasedOn: '2023-01-01', successorCode: '005009', successorName: 'Nuovo', reason: 'merged' },
    ]);
  });

  it('two new codes in the province that day, or none (an incorporation): successor unknown, never guessed', () => {
    const variations = deriveMunicipalityCodeVariations(
      [
        period({ istatCode: '005001', cadastralCode: 'A001', lastValidOn: '2019-12-31' }),
        period({ istatCode: '005008', cadastralCode: 'A008', institutedOn: '2020-01-01' }),
        period({ istatCode: '005009', cadastralCode: 'A009', institutedOn: '2020-01-01' }),
        period({ istatCode: '007001', cadastralCode: 'B001', lastValidOn: '2018-06-30' }),
        period({ istatCode: '007002', cadastralCode: 'B002' }),
      ],
      [current('005008', 'A008'), current('005009', 'A009'), current('007002', 'B002')],
    );
    expect(variations.map((v) => [v.suppressedCode, v.successorCode, v.reason, v.ceasedOn])).toEqual([
      ['005001', null, 'successor_unknown', '2020-01-01'],
      ['007001', null, 'successor_unknown', '2018-07-01'],
    ]);
  });

  it('a cadastral code living on under a new code is a recoding, not a merger into a code born that day', () => {
    const variations = deriveMunicipalityCodeVariations(
      [
        period({ istatCode: '041033', cadastralCode: 'F478', lastValidOn: '2021-06-16' }),
        period({ istatCode: '099030', cadastralCode: 'F478', institutedOn: '2021-06-17' }),
        // Another code of the old province born that day must not capture it.
        period({ istatCode: '041099', cadastralCode: 'Z999', institutedOn: '2021-06-17' }),
      ],
      [current('099030', 'F478'), current('041099', 'Z999')],
    );
    expect(variations).toMatchObject([{ suppressedCode: '041033', successorCode: '099030', reason: 'recoded', ceasedOn: '2021-06-17' }]);
  });

  it('follows chains to a current code, and a chain that breaks ends unknown', () => {
    const variations = deriveMunicipalityCodeVariations(
      [
        period({ istatCode: '005001', cadastralCode: 'A001', lastValidOn: '2015-12-31' }),
        period({ istatCode: '005002', cadastralCode: 'A002', institutedOn: '2016-01-01', lastValidOn: '2019-12-31' }),
        period({ istatCode: '005003', cadastralCode: 'A003', institutedOn: '2020-01-01' }),
        period({ istatCode: '006001', cadastralCode: 'C001', lastValidOn: '2015-12-31' }),
        period({ istatCode: '006002', cadastralCode: 'C002', institutedOn: '2016-01-01', lastValidOn: '2019-12-31' }),
      ],
      [current('005003', 'A003')],
    );
    const byCode = new Map(variations.map((v) => [v.suppressedCode, v]));
    expect(byCode.get('005001')).toMatchObject({ successorCode: '005003', reason: 'merged', ceasedOn: '2016-01-01' });
    expect(byCode.get('005002')).toMatchObject({ successorCode: '005003', reason: 'merged', ceasedOn: '2020-01-01' });
    expect(byCode.get('006001')).toMatchObject({ successorCode: null, reason: 'successor_unknown', ceasedOn: '2016-01-01' });
  });

  it('a code ANPR still calls active that the list gives under another code: Sardinia dated, elsewhere undated', () => {
    const variations = deriveMunicipalityCodeVariations(
      [
        period({ istatCode: '090064', cadastralCode: 'I452', regionCode: '20' }),
        period({ istatCode: '025002', cadastralCode: 'A121', regionCode: '05' }),
        period({ istatCode: '025070', cadastralCode: 'M332', regionCode: '05' }),
      ],
      [current('112050', 'I452', 'Sassari'), current('025075', 'M443', 'Setteville')],
    );
    expect(variations.map((v) => [v.suppressedCode, v.successorCode, v.reason, v.ceasedOn])).toEqual([
      ['025002', '025075', 'merged', null],
      ['025070', '025075', 'merged', null],
      ['090064', '112050', 'recoded', '2026-01-01'],
    ]);
  });

  it('writes ANPR’s upper-case names for people and counts days across months and leap years', () => {
    expect(titleCaseAnprName("BORGO D'ANAUNIA")).toBe("Borgo d'Anaunia");
    expect(titleCaseAnprName('SAN GIOVANNI IN PERSICETO')).toBe('San Giovanni in Persiceto');
    expect(titleCaseAnprName("SANT'ANGELO DEI LOMBARDI")).toBe("Sant'Angelo dei Lombardi");
    expect(titleCaseAnprName('MORANSENGO-TONENGO')).toBe('Moransengo-Tonengo');
    expect(nextDay('2019-12-31')).toBe('2020-01-01');
    expect(nextDay('2020-02-28')).toBe('2020-02-29');
    expect(nextDay('2021-06-16')).toBe('2021-06-17');
  });

  it('refuses a malformed history naming the line', () => {
    const header = '"ID","DATAISTITUZIONE","DATACESSAZIONE","CODISTAT","CODCATASTALE","DENOMINAZIONE_IT","IDPROVINCIAISTAT","IDREGIONE"';
    expect(() => parseAnprCodeHistory(`${header}\n1,"2020-01-01","9999-12-31","22252","M429","X","022","04"\n`)).toThrow(/line 2: malformed ISTAT code 22252/);
    expect(() => parseAnprCodeHistory(`${header}\n1,"2020-01-01","9999-12-31","022252","M429","X","022"\n`)).toThrow(/line 2: 7 fields, expected 8/);
    expect(() => parseAnprCodeHistory(`${header}\n1,"01/01/2020","9999-12-31","022252","M429","X","022","04"\n`)).toThrow(/line 2: malformed date/);
    expect(() => parseAnprCodeHistory('"ID","CODISTAT"\n')).toThrow(/missing column\(s\) DATAISTITUZIONE/);
    expect(parseAnprCodeHistory(`${header}\n1,"2020-01-01","9999-12-31","022252","M429","BORGO D""ANAUNIA, X","022","04"\n`)[0]).toMatchObject({
      name: 'BORGO D"ANAUNIA, X',
      lastValidOn: null,
    });
  });
});

describe('the real history (ANPR since 1861) against ISTAT’s list of 14 Aug 2026', () => {
  let list: CurrentListMunicipality[];
  let variations: Map<string, MunicipalityCodeVariation>;
  beforeAll(() => {
    list = parseCurrentMunicipalityList(readFileSync(join(TERRITORY_DATA_DIR, 'comuni-2026.csv'), 'utf8'));
    const history = parseAnprCodeHistory(readFileSync(join(TERRITORY_DATA_DIR, 'anpr-archivio-comuni.csv'), 'utf8'));
    variations = new Map(deriveMunicipalityCodeVariations(history, list).map((v) => [v.suppressedCode, v]));
  });

  it('Moransengo and Tonengo merged into Moransengo-Tonengo on 1 Jan 2023', () => {
    const born = list.find((row) => row.name === 'Moransengo-Tonengo')!;
    expect(born.istatCode).toBe('005122');
    for (const [code, name] of [['005079', 'Moransengo'], ['005110', 'Tonengo']] as const) {
      expect(variations.get(code)).toEqual({
        suppressedCode: code,
        suppressedName: name,
        provinceCode: '005',
        ceasedOn: '2023-01-01',
        successorCode: '005122',
        successorName: 'Moransengo-Tonengo',
        reason: 'merged',
      });
    }
  });

  it('Montecopiolo changed province (041033 → 099030) on 17 Jun 2021', () => {
    expect(variations.get('041033')).toMatchObject({ successorCode: '099030', successorName: 'Montecopiolo', reason: 'recoded', ceasedOn: '2021-06-17' });
  });

  it('Brez ceased on 1 Jan 2020, when three codes were born in Trento: ANPR does not say which took it', () => {
    // Borgo d'Anaunia (022252), Novella (022253) and Ville di Fiemme (022254) were all instituted that day.
    expect(variations.get('022027')).toMatchObject({ suppressedName: 'Brez', provinceCode: '022', ceasedOn: '2020-01-01', successorCode: null, reason: 'successor_unknown' });
  });

  it('an incorporation leaves no new code: Vendrogno (into Bellano, 2020) is ceased with its date', () => {
    expect(variations.get('097085')).toMatchObject({ suppressedName: 'Vendrogno', ceasedOn: '2020-01-01', successorCode: null, reason: 'successor_unknown' });
  });

  it('every Sardinian code of the old provinces is recoded into the 2026 ones on 1 Jan 2026', () => {
    expect(variations.get('090064')).toMatchObject({ suppressedName: 'Sassari', successorCode: '112050', reason: 'recoded', ceasedOn: '2026-01-01' });
    const sardinian = list.filter((row) => row.regionCode === '20');
    expect(sardinian).toHaveLength(377);
    const recodedInto = new Set([...variations.values()].filter((v) => v.ceasedOn === '2026-01-01' && v.reason === 'recoded').map((v) => v.successorCode));
    expect(sardinian.every((row) => recodedInto.has(row.istatCode))).toBe(true);
  });

  it('no current code is suppressed, every successor is current, and only ANPR-lagging variations are undated', () => {
    const currentCodes = new Set(list.map((row) => row.istatCode));
    for (const variation of variations.values()) {
      expect(currentCodes.has(variation.suppressedCode)).toBe(false);
      if (variation.successorCode !== null) expect(currentCodes.has(variation.successorCode)).toBe(true);
    }
    const undated = [...variations.values()].filter((v) => v.ceasedOn === null).map((v) => v.suppressedCode);
    expect(undated.sort()).toEqual(['013199', '013228', '018002', '018082', '024027', '024044', '024071', '024103', '025002', '025070', '028022', '028098']);
  });
});
