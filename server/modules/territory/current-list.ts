/**
 * ISTAT's current list of municipalities (`comuni-2026.csv`, SITUAS, 14 Aug 2026): codes, names, provinces/UTS,
 * regions, cadastral and fiscal codes. Parsed without a database; a malformed row stops the import naming its line.
 */
import { parse } from 'csv-parse/sync';
import { checkFiscalCode } from '../../../common/domain/fiscal-code';

export const CURRENT_LIST_FILE = 'comuni-2026.csv';

/** One municipality of the current list. */
export interface CurrentListMunicipality {
  istatCode: string;
  /** The Italian name ("Bolzano"; the list's bilingual "Bolzano/Bozen" is `officialName`). */
  name: string;
  officialName: string;
  cadastralCode: string;
  /**
   * The municipality's own fiscal code (11 digits, the public body's codice fiscale); null where the list leaves it
   * blank (Castegnero Nanto, born in 2025). Three codes lost their leading zero in the list (10 digits): restored
   * when the zero-padded code passes the check digit.
   */
  fiscalCode: string | null;
  /** "Codice Provincia (Storico)": the first three digits of the municipality code. */
  historicProvinceCode: string;
  /** "Codice Provincia/Uts": the province, metropolitan city or other supra-municipal territorial unit today. */
  unitCode: string;
  unitName: string;
  provinceAbbreviation: string;
  regionCode: string;
  regionName: string;
}

const COLUMNS = {
  regionCode: 'Codice Regione',
  historicProvinceCode: 'Codice Provincia (Storico)',
  unitCode: 'Codice Provincia/Uts',
  istatCode: 'Codice Comune (alfanumerico)',
  officialName: 'Comune',
  name: 'Comune (dizione italiana)',
  regionName: 'Regione',
  unitName: 'Provincia/Uts',
  provinceAbbreviation: 'Sigla automobilistica',
  cadastralCode: 'Codice catasto',
  fiscalCode: 'Codice fiscale',
} as const;

export function parseCurrentMunicipalityList(csvText: string, fileName = CURRENT_LIST_FILE): CurrentListMunicipality[] {
  const rows = parse(csvText, { columns: true, delimiter: ';', skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  const first = rows[0];
  const missing = Object.values(COLUMNS).filter((column) => !first || !(column in first));
  if (missing.length > 0) throw new Error(`${fileName}: missing column(s) ${missing.join(', ')}`);
  return rows.map((row, index) => {
    const line = index + 2;
    const value = (key: keyof typeof COLUMNS): string => row[COLUMNS[key]] ?? '';
    const municipality: CurrentListMunicipality = {
      istatCode: value('istatCode'),
      name: value('name') || value('officialName'),
      officialName: value('officialName'),
      cadastralCode: value('cadastralCode'),
      fiscalCode: restoreFiscalCode(value('fiscalCode')),
      historicProvinceCode: value('historicProvinceCode'),
      unitCode: value('unitCode'),
      unitName: value('unitName'),
      provinceAbbreviation: value('provinceAbbreviation'),
      regionCode: value('regionCode'),
      regionName: value('regionName'),
    };
    if (!/^\d{6}$/.test(municipality.istatCode) || !municipality.istatCode.startsWith(municipality.historicProvinceCode)) {
      throw new Error(`${fileName} line ${line}: malformed ISTAT code ${municipality.istatCode}`);
    }
    if (!/^\d{3}$/.test(municipality.unitCode) || !/^\d{2}$/.test(municipality.regionCode)) {
      throw new Error(`${fileName} line ${line}: malformed province or region code ${municipality.unitCode} / ${municipality.regionCode}`);
    }
    if (!/^[A-Z]\d{3}$/.test(municipality.cadastralCode)) {
      throw new Error(`${fileName} line ${line}: malformed cadastral code ${municipality.cadastralCode}`);
    }
    if (municipality.fiscalCode !== null && !checkFiscalCode(municipality.fiscalCode).isValid) {
      throw new Error(`${fileName} line ${line}: fiscal code ${value('fiscalCode')} fails its check digit`);
    }
    return municipality;
  });
}

/** A spreadsheet drops a numeric fiscal code's leading zero: put it back when the padded code is valid. */
function restoreFiscalCode(raw: string): string | null {
  if (raw === '') return null;
  if (/^\d{10}$/.test(raw) && checkFiscalCode(`0${raw}`).isValid) return `0${raw}`;
  return raw;
}
