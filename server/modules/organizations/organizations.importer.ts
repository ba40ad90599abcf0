import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { ZOrganizationCreate, type TImportMapping, type TKindChoices } from '../../../common/contracts/organizations';
import type { MunicipalityCodeResolution } from '../../../common/contracts/territory';
import { describeMunicipalityResolution } from '../../../common/domain/municipality-codes';
import { inferOrganizationKind, isListMarked, type KindProposal } from '../../../common/domain/organization-kind-inference';
import {
  IMPORT_HEADER_SYNONYMS,
  IMPORT_KIND_SYNONYMS,
  IMPORT_LIST_FIELDS,
  IMPORT_SIZE_SYNONYMS,
  IMPORT_STATUS_SYNONYMS,
  ORGANIZATION_IMPORT_FIELDS,
  sizeClassForEmployees,
  type OrganizationImportField,
} from '../../../common/domain/organization-registry';
import { ORGANIZATION_KIND_CODES } from '../../../common/domain/organizations';
import { foldForSearch } from '../../../common/domain/text';
import type { TextFileEncoding } from '../../../common/domain/text-files';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { readTextFile } from '../../platform/import/read-text-file';

/**
 * File rows → the same validated input the create use case takes. Everything here is pure: decoding, delimiter
 * detection, header signature and mapping, one row's conversion with its reason when it is refused.
 */
export interface ParsedFile {
  encoding: TextFileEncoding;
  delimiter: ',' | ';';
  headers: string[];
  headerSignature: string;
  rows: { line: number; cells: string[] }[];
  contentSha256: string;
}

/** The header line's separator: the one of `;` and `,` that appears more often outside quotes. */
export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  return (unquoted.match(/;/g)?.length ?? 0) > (unquoted.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export function normalizeHeader(header: string): string {
  return foldForSearch(header).replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** The file shape: normalized headers in order. Two exports from the same system share it, so their mapping is remembered. */
export function headerSignatureOf(headers: string[]): string {
  return createHash('sha256').update(headers.map(normalizeHeader).join('\u0001')).digest('hex').slice(0, 32);
}

export function parseOrganizationsFile(bytes: Uint8Array): ParsedFile {
  const { text, encoding } = readTextFile(bytes);
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw new AppError('COMMON.VALIDATION', `file: not a readable CSV (${(error as Error).message})`, { fields: [{ path: 'file', message: (error as Error).message }] });
  }
  const [header, ...rest] = records;
  if (!header || header.record.every((cell) => cell === '')) throw fieldError('file', 'the file is empty: the first line must name the columns');
  const headers = header.record;
  return {
    encoding,
    delimiter,
    headers,
    headerSignature: headerSignatureOf(headers),
    rows: rest.map((r) => ({ line: r.info.lines, cells: r.record })),
    contentSha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** A mapping guessed from header names (Italian or English), for the mapping step's first proposal. */
export function suggestMapping(headers: string[]): TImportMapping {
  const used = new Set<OrganizationImportField>();
  const mapping: TImportMapping = {};
  for (const header of headers) {
    const field = IMPORT_HEADER_SYNONYMS[normalizeHeader(header)] ?? (ORGANIZATION_IMPORT_FIELDS as readonly string[]).find((f) => f === header);
    if (field && !used.has(field as OrganizationImportField)) {
      mapping[header] = field as OrganizationImportField;
      used.add(field as OrganizationImportField);
    } else mapping[header] = null;
  }
  return mapping;
}

/** A mapping must name the legal name, and map no field twice. Without a kind column, kinds are proposed and confirmed. */
export function assertUsableMapping(headers: string[], mapping: TImportMapping): void {
  const targets = Object.entries(mapping).filter(([, field]) => field);
  for (const [header] of targets) if (!headers.includes(header)) throw fieldError(`mapping.${header}`, 'no such column in the file');
  const fields = targets.map(([, field]) => field);
  const twice = fields.find((field, index) => fields.indexOf(field) !== index);
  if (twice) throw fieldError('mapping', `${twice} is mapped from two columns`);
  if (!fields.includes('legalName')) throw fieldError('mapping', 'no column is mapped to legalName');
}

/** Whether the file's kinds are proposed by the importer (no column is mapped to the kind). */
export function isKindInferred(mapping: TImportMapping): boolean {
  return !Object.values(mapping).includes('kind');
}

/** The public list a file's shape reveals, proposed as the organizations' source: the 5x1000 lists of the Agenzia. */
export function suggestSourceFor(headers: string[]): string | null {
  const normalized = new Set(headers.map(normalizeHeader));
  return normalized.has('ets_e_onlus') && normalized.has('codice_fiscale') && normalized.has('codice_comune') ? CINQUE_PER_MILLE_SOURCE : null;
}
export const CINQUE_PER_MILLE_SOURCE = 'Agenzia delle Entrate – elenchi 5x1000 (onData)';

export type MunicipalityLookup = { byCode: Map<string, MunicipalityCodeResolution>; byName: Map<string, string | null> };

export function municipalityLookupOf(municipalities: { istatCode: string; nameFolded: string }[], resolutions: Iterable<MunicipalityCodeResolution> = []): MunicipalityLookup {
  const byName = new Map<string, string | null>();
  for (const m of municipalities) byName.set(m.nameFolded, byName.has(m.nameFolded) ? null : m.istatCode); // null: ambiguous name
  return { byCode: new Map([...resolutions].map((r) => [r.code, r])), byName };
}

const synonym = (table: Record<string, string>, value: string) => table[normalizeHeader(value)] ?? value;

export type RowResult =
  | { ok: true; input: ReturnType<typeof ZOrganizationCreate.parse>; inferred: (KindProposal & { legalName: string }) | null; note: string | null }
  | { ok: false; reason: string };

/**
 * One file row → validated organization input, or the reason it is refused (naming the column). Without a kind
 * column the kind is proposed from the name and the 5x1000 lists, then replaced by the one confirmed for its reason.
 * A suppressed municipality code is mapped to its successor with a note; an unknown or ceased one refuses the row.
 */
export function convertRow(cells: string[], headers: string[], mapping: TImportMapping, municipalities: MunicipalityLookup, kindChoices: TKindChoices = {}): RowResult {
  const raw: Partial<Record<OrganizationImportField, string>> = {};
  headers.forEach((header, index) => {
    const field = mapping[header];
    const value = cells[index]?.trim();
    if (field && value) raw[field] = value;
  });
  const columnOf = (field: string) => headers.find((h) => mapping[h] === field) ?? field;
  let municipalityCode: string | null = null;
  let note: string | null = null;
  if (raw.municipality) {
    if (/^\d{6}$/.test(raw.municipality)) {
      const resolution = municipalities.byCode.get(raw.municipality) ?? { kind: 'unknown', code: raw.municipality };
      if (resolution.kind === 'unknown') return { ok: false, reason: `${columnOf('municipality')}: unknown ISTAT code ${raw.municipality}` };
      // A ceased code whose successor the sources do not give is never guessed: the row waits for a current code.
      if (resolution.kind === 'ceased') return { ok: false, reason: `${columnOf('municipality')}: ${describeMunicipalityResolution(resolution, 'en')}; give the current municipality` };
      municipalityCode = resolution.kind === 'succeeded' ? resolution.successorCode : resolution.code;
      if (resolution.kind === 'succeeded') {
        note = `${columnOf('municipality')}: ${describeMunicipalityResolution(resolution, 'en')}; imported with ${resolution.successorCode}`;
      }
    } else {
      const code = municipalities.byName.get(foldForSearch(raw.municipality));
      if (code === undefined) return { ok: false, reason: `${columnOf('municipality')}: unknown municipality "${raw.municipality}"` };
      if (code === null) return { ok: false, reason: `${columnOf('municipality')}: "${raw.municipality}" names several municipalities; use the ISTAT code` };
      municipalityCode = code;
    }
  }
  let sizeClass = raw.sizeClass ? synonym(IMPORT_SIZE_SYNONYMS, raw.sizeClass) : undefined;
  if (!sizeClass && raw.employees) {
    const employees = Number(raw.employees);
    if (!Number.isInteger(employees) || employees < 0) return { ok: false, reason: `${columnOf('employees')}: "${raw.employees}" is not a number of employees` };
    sizeClass = sizeClassForEmployees(employees);
  }
  let inferred: (KindProposal & { legalName: string }) | null = null;
  let kind: string | undefined;
  if (isKindInferred(mapping)) {
    const lists = new Set(Object.entries(IMPORT_LIST_FIELDS).flatMap(([field, list]) => (isListMarked(raw[field as OrganizationImportField]) ? [list] : [])));
    const proposal = inferOrganizationKind(raw.legalName ?? '', lists);
    if (!proposal) return { ok: false, reason: 'kind: neither the name nor the 5x1000 lists say what kind of organization this is; add a kind column (a kind code or its Italian name, see data/examples/README.md)' };
    inferred = { ...proposal, legalName: raw.legalName ?? '' };
    kind = kindChoices[proposal.reason] ?? proposal.kind;
  } else {
    kind = raw.kind ? synonym(IMPORT_KIND_SYNONYMS, raw.kind) : undefined;
    if (!kind) return { ok: false, reason: `${columnOf('kind')}: missing (a kind code or its Italian name, see data/examples/README.md)` };
    if (!(ORGANIZATION_KIND_CODES as string[]).includes(kind)) return { ok: false, reason: `${columnOf('kind')}: unknown kind "${raw.kind}"` };
  }
  const candidate = {
    legalName: raw.legalName ?? '',
    shortName: raw.shortName ?? null,
    kind: kind ?? '',
    fiscalCode: raw.fiscalCode ?? null,
    vatNumber: raw.vatNumber ?? null,
    sizeClass: sizeClass ?? null,
    activityCode: raw.activityCode ?? null,
    address: raw.address ?? null,
    postalCode: raw.postalCode ?? null,
    municipalityCode,
    website: raw.website ? (/^https?:\/\//i.test(raw.website) ? raw.website : `https://${raw.website}`) : null,
    email: raw.email ?? null,
    pec: raw.pec ?? null,
    phone: raw.phone ?? null,
    description: raw.description ?? '',
    notes: raw.notes ?? '',
    tags: raw.tags ? raw.tags.split(/[|,]/).map((t) => t.trim()).filter(Boolean) : [],
    status: raw.status ? synonym(IMPORT_STATUS_SYNONYMS, raw.status) : 'active',
  };
  const parsed = ZOrganizationCreate.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data, inferred, note };
  const reasons = parsed.error.issues.map((issue) => `${columnOf(String(issue.path[0] ?? ''))}: ${issue.message}`);
  return { ok: false, reason: reasons.join('; ') };
}
