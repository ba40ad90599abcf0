import { parse } from 'csv-parse/sync';
import type { TZoningFileFormat, TZoningProblem } from '../../../common/contracts/zonings';

/** One municipality's membership as read from the file, before any check against the territory. */
export interface ZoningFileRow {
  /** CSV line (header = 1) or GeoJSON feature number (first = 1). */
  line: number;
  zoneCode: string;
  zoneName: string;
  istatCode: string;
  /** Optional columns describing the part of a municipality split between zones (e.g. Roma's ASL). */
  part?: ZoningFileRowPart;
}

export interface ZoningFileRowPart {
  /** `municipality_name` as the source writes it, e.g. "ROMA (Municipi 1, 2, 3, 13, 14, 15)". */
  name: string | null;
  /** People living in this municipality (or this part of it) in this zone. */
  population: number | null;
  /** The share of the municipality's people in this zone, in (0, 1]. */
  share: number | null;
}

export interface ParsedZoningFile {
  rows: ZoningFileRow[];
  problems: TZoningProblem[];
}

export const CSV_COLUMNS = ['zone_code', 'zone_name', 'istat_code'] as const;
/** Optional CSV columns: the municipality's name as the source writes it, the people of it (or of its part) in the zone, a share. */
const PART_NAME_COLUMNS = ['municipality_name'];
const PART_POPULATION_COLUMNS = ['population', 'population_2019', 'popolazione'];
const PART_SHARE_COLUMNS = ['share', 'quota'];
export const DEFAULT_ZONE_PROPERTY = 'zone_code';
const ZONE_NAME_PROPERTIES = ['zone_name', 'zone', 'name_zone'];
/** Property names holding the municipality code in the files we meet (ours, ISTAT's, Openpolis'). */
const CODE_PROPERTIES = ['istat_code', 'istatCode', 'pro_com_t', 'PRO_COM_T', 'com_istat_code', 'codice_istat'];

const problem = (kind: TZoningProblem['kind'], message: string, line: number | null = null, istatCode: string | null = null): TZoningProblem => ({
  kind,
  severity: 'error',
  line,
  istatCode,
  message,
});

/**
 * ISTAT codes are six digits with leading zeros; spreadsheets routinely drop the zeros (1191 for 001191), so one
 * to five digits are padded back. Anything else is refused.
 */
export function normalizeIstatCode(raw: unknown): string | null {
  const text = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{1,6}$/.test(text)) return null;
  return text.padStart(6, '0');
}

function partFrom(line: number, name: string | undefined, population: string | undefined, share: string | undefined, problems: TZoningProblem[]): ZoningFileRowPart | null | undefined {
  const part: ZoningFileRowPart = { name: name?.trim() || null, population: null, share: null };
  if (population !== undefined && population.trim() !== '') {
    const value = Number(population.trim());
    if (!Number.isInteger(value) || value < 0) {
      problems.push(problem('malformed_row', `Line ${line}: the population "${population}" is not a whole number of people`, line));
      return null;
    }
    part.population = value;
  }
  if (share !== undefined && share.trim() !== '') {
    const value = Number(share.trim().replace(',', '.'));
    if (!Number.isFinite(value) || value <= 0 || value > 1) {
      problems.push(problem('malformed_row', `Line ${line}: the share "${share}" is not a number above 0 and at most 1`, line));
      return null;
    }
    part.share = value;
  }
  return part.name === null && part.population === null && part.share === null ? undefined : part;
}

function rowFrom(line: number, zoneCode: unknown, zoneName: unknown, code: unknown, problems: TZoningProblem[]): ZoningFileRow | null {
  const zone = typeof zoneCode === 'number' ? String(zoneCode) : typeof zoneCode === 'string' ? zoneCode.trim() : '';
  const name = typeof zoneName === 'string' && zoneName.trim() ? zoneName.trim() : zone;
  const istatCode = normalizeIstatCode(code);
  if (!zone) {
    problems.push(problem('malformed_row', `Line ${line}: the zone code is empty`, line));
    return null;
  }
  if (!istatCode) {
    problems.push(problem('malformed_row', `Line ${line}: "${String(code ?? '')}" is not an ISTAT municipality code (six digits, e.g. 001191)`, line));
    return null;
  }
  return { line, zoneCode: zone, zoneName: name, istatCode };
}

function parseCsv(content: string): ParsedZoningFile {
  const problems: TZoningProblem[] = [];
  const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
  const header = firstLine.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '').toLowerCase());
  const missing = CSV_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    for (const delimiter of [';', '\t', '|']) {
      const cells = firstLine.split(delimiter).map((cell) => cell.trim().replace(/^"|"$/g, '').toLowerCase());
      if (cells.length > 1 && CSV_COLUMNS.every((column) => cells.includes(column))) {
        const shown = delimiter === '\t' ? 'a tab' : `"${delimiter}"`;
        return {
          rows: [],
          problems: [problem('wrong_delimiter', `The file separates columns with ${shown}; Distretto expects commas (${CSV_COLUMNS.join(',')}). Save it again as CSV with "," as separator.`, 1)],
        };
      }
    }
    return {
      rows: [],
      problems: [problem('missing_column', `The header (line 1) lacks the column(s) ${missing.join(', ')}; expected ${CSV_COLUMNS.join(',')}`, 1)],
    };
  }
  let records: string[][];
  try {
    records = parse(content, { bom: true, skip_empty_lines: true, trim: true, relax_quotes: false }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { rows: [], problems: [problem('malformed_file', `The CSV cannot be read: ${message}`)] };
  }
  const [head, ...data] = records;
  if (!head || data.length === 0) return { rows: [], problems: [problem('empty_file', 'The file has a header but no rows: nothing to import')] };
  const index = Object.fromEntries(CSV_COLUMNS.map((column) => [column, head.findIndex((cell) => cell.toLowerCase() === column)])) as Record<(typeof CSV_COLUMNS)[number], number>;
  const optionalIndex = (names: string[]) => head.findIndex((cell) => names.includes(cell.toLowerCase()));
  const partIndex = { name: optionalIndex(PART_NAME_COLUMNS), population: optionalIndex(PART_POPULATION_COLUMNS), share: optionalIndex(PART_SHARE_COLUMNS) };
  const rows: ZoningFileRow[] = [];
  // csv-parse skipped empty lines; count them back so "line N" matches what an editor shows.
  const lineNumbers = physicalLineNumbers(content);
  data.forEach((record, position) => {
    const line = lineNumbers[position + 1] ?? position + 2;
    if (record.length !== head.length) {
      problems.push(problem('malformed_row', `Line ${line}: ${record.length} column(s) where the header has ${head.length}`, line));
      return;
    }
    const row = rowFrom(line, record[index.zone_code], record[index.zone_name], record[index.istat_code], problems);
    if (!row) return;
    const pick = (at: number) => (at >= 0 ? record[at] : undefined);
    const part = partFrom(line, pick(partIndex.name), pick(partIndex.population), pick(partIndex.share), problems);
    if (part === null) return;
    rows.push(part ? { ...row, part } : row);
  });
  return { rows, problems };
}

/** Editor line numbers of the non-empty lines (header first); good enough for files without quoted newlines. */
function physicalLineNumbers(content: string): number[] {
  const numbers: number[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() !== '') numbers.push(index + 1);
  });
  return numbers;
}

function parseGeoJson(content: string, zoneProperty: string): ParsedZoningFile {
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    return { rows: [], problems: [problem('malformed_file', `The GeoJSON is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)] };
  }
  const features = (document as { type?: unknown; features?: unknown })?.features;
  if ((document as { type?: unknown })?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    return { rows: [], problems: [problem('malformed_file', 'The GeoJSON must be a FeatureCollection with a "features" array')] };
  }
  if (features.length === 0) return { rows: [], problems: [problem('empty_file', 'The FeatureCollection has no features: nothing to import')] };
  const problems: TZoningProblem[] = [];
  const rows: ZoningFileRow[] = [];
  features.forEach((feature: unknown, position) => {
    const line = position + 1;
    const properties = (feature as { properties?: unknown })?.properties;
    if (typeof properties !== 'object' || properties === null) {
      problems.push(problem('malformed_row', `Feature ${line}: no properties`, line));
      return;
    }
    const record = properties as Record<string, unknown>;
    if (!(zoneProperty in record)) {
      problems.push(problem('missing_column', `Feature ${line}: no "${zoneProperty}" property (the zone code)`, line));
      return;
    }
    const codeProperty = CODE_PROPERTIES.find((name) => name in record);
    if (!codeProperty) {
      problems.push(problem('missing_column', `Feature ${line}: no municipality code property (one of ${CODE_PROPERTIES.join(', ')})`, line));
      return;
    }
    const nameProperty = ZONE_NAME_PROPERTIES.find((name) => name in record);
    const row = rowFrom(line, record[zoneProperty], nameProperty ? record[nameProperty] : undefined, record[codeProperty], problems);
    if (row) rows.push(row);
  });
  return { rows, problems };
}

/**
 * Reads a zoning file: CSV with the columns zone_code,zone_name,istat_code (any order, other columns ignored but
 * municipality_name, population/population_2019 and share, which describe a municipality split between zones), or a
 * GeoJSON FeatureCollection whose features carry the zone code property and an ISTAT code. Only the format is
 * checked here; the territory checks (unknown codes, gaps, …) are in check-zoning-rows.ts.
 */
export function parseZoningFile(content: string, format: TZoningFileFormat, options: { zoneProperty?: string } = {}): ParsedZoningFile {
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { rows: [], problems: [problem('empty_file', 'The file is empty: nothing to import')] };
  return format === 'csv' ? parseCsv(text) : parseGeoJson(text, options.zoneProperty ?? DEFAULT_ZONE_PROPERTY);
}

/** Guesses the format from a file name (the CLI and the upload page); null when the extension says nothing. */
export function formatFromFileName(fileName: string): TZoningFileFormat | null {
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (/\.(geo)?json$/i.test(fileName)) return 'geojson';
  return null;
}
