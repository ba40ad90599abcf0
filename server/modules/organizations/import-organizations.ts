import type { TImportMapping, TImportPreview, TImportReport, TInferredKindGroup, TKindChoices } from '../../../common/contracts/organizations';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../../common/domain/organizations';
import { actorLabel, actorUserId, type Actor } from '../../platform/access/actor';
import { assertCan, can } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import type { DbExecutor } from '../../platform/db/database';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import type { MunicipalityCodeResolution } from '../../../common/contracts/territory';
import { resolveMunicipalityCodes } from '../territory';
import { PROBABLE_DUPLICATE_SIMILARITY } from './create-organization';
import { canEditOrganization, OrganizationActions } from './organizations.policy';
import { importNotFound, kindsNotConfirmed, nothingToResume } from './organizations.errors';
import {
  assertUsableMapping,
  convertRow,
  isKindInferred,
  municipalityLookupOf,
  suggestSourceFor,
  parseOrganizationsFile,
  suggestMapping,
  type MunicipalityLookup,
  type ParsedFile,
} from './organizations.importer';
import {
  bulkInsertOrganizations,
  bulkUpdateOrganizations,
  insertDuplicateFlags,
  insertImport,
  insertVersionSnapshots,
  searchColumnsOf,
  selectImport,
  selectImportMapping,
  selectKnownMunicipalities,
  selectOrganizationAccesses,
  selectLiveIdsByFiscalCodes,
  selectResumableImport,
  selectSimilarOrganizationsForRows,
  updateImportProgress,
  upsertImportMapping,
  type OrganizationImportRow,
  type OrganizationRecord,
} from './organizations.repository';

export const IMPORT_BATCH_SIZE = 500;

export interface ImportOptions {
  fileName: string;
  content: Uint8Array;
  /** File header → field; without it, the mapping remembered for this file shape, else one guessed from the headers. */
  mapping?: TImportMapping;
  isDryRun?: boolean;
  /** Continue the unfinished import of the same file content from the last committed batch. */
  resume?: boolean;
  /** All rows in one transaction (all or nothing) instead of resumable batches. */
  isSingleTransaction?: boolean;
  batchSize?: number;
  onProgress?: (processedRows: number, totalRows: number) => void;
  /**
   * Files without a kind column: the kinds confirmed per group of proposals (reason → kind). A real import needs
   * them or `acceptInferredKinds`; a dry run lists the proposals instead.
   */
  kindChoices?: TKindChoices;
  /** Accept every proposed kind as it is (the CLI's --accept-inferred-kinds). */
  acceptInferredKinds?: boolean;
  /** The public source recorded on every organization the file creates or updates. */
  source?: string | null;
  /** Called inside each batch's transaction before it commits (tests use it to simulate a crash mid-batch). */
  beforeBatchCommit?: (batchIndex: number) => void | Promise<void>;
}

/** What the mapping step shows: the decoded file, its shape and the proposed (or remembered) mapping. */
export async function previewOrganizationImport(context: UseCaseContext, content: Uint8Array): Promise<TImportPreview> {
  assertCan(context.actor, OrganizationActions['organizations.import']);
  const file = parseOrganizationsFile(content);
  const remembered = await selectImportMapping(context.db.orm, file.headerSignature);
  return {
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers: file.headers,
    headerSignature: file.headerSignature,
    mapping: (remembered as TImportMapping | null) ?? suggestMapping(file.headers),
    isMappingRemembered: remembered !== null,
    sampleRows: file.rows.slice(0, 5).map((r) => r.cells),
    totalRows: file.rows.length,
    suggestedSource: suggestSourceFor(file.headers),
  };
}

interface BatchOutcome {
  created: number;
  updated: number;
  flagged: number;
  rejected: { line: number; reason: string }[];
  createdIds: string[];
  updatedIds: string[];
  kindInferred: number;
  notes: { line: number; note: string }[];
  inferredKinds: Map<string, TInferredKindGroup>;
}

const EXAMPLES_PER_GROUP = 3;

/** Adds one batch's groups of proposed kinds to the report's. */
function mergeInferredKinds(into: Map<string, TInferredKindGroup>, from: Map<string, TInferredKindGroup>): void {
  for (const [reason, group] of from) {
    const existing = into.get(reason);
    if (!existing) into.set(reason, { ...group, examples: [...group.examples] });
    else {
      existing.count += group.count;
      existing.examples.push(...group.examples.slice(0, EXAMPLES_PER_GROUP - existing.examples.length));
    }
  }
}

/** Thrown at the end of a dry run to roll back everything it wrote: its report is the real import's, exactly. */
class DryRunRollback extends Error {}

type Plan =
  | { action: 'create'; record: OrganizationRecord }
  | { action: 'update'; record: OrganizationRecord & { id: string } };

function recordOf(input: ReturnType<typeof convertRow> & { ok: true }, source: string | null): OrganizationRecord {
  const i = input.input;
  return {
    source,
    legal_name: i.legalName, short_name: i.shortName ?? null, kind: i.kind, sector: ORGANIZATION_KINDS[i.kind as OrganizationKind],
    fiscal_code: i.fiscalCode ?? null, vat_number: i.vatNumber ?? null, size_class: i.sizeClass ?? null, activity_code: i.activityCode ?? null,
    address: i.address ?? null, postal_code: i.postalCode ?? null, municipality_code: i.municipalityCode ?? null, website: i.website ?? null,
    email: i.email ?? null, pec: i.pec ?? null, phone: i.phone ?? null, notes: i.notes ?? '', description: i.description ?? '',
    tags: i.tags ?? [], status: i.status ?? 'active',
    ...(() => { const s = searchColumnsOf(i); return { name_folded: s.nameFolded, search_document: s.searchDocument }; })(),
  };
}

/** Later rows fill or overwrite what earlier rows said about the same organization. */
function overlay<T extends OrganizationRecord>(base: T, next: OrganizationRecord): T {
  const result = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) {
    const isEmpty = value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (!isEmpty) result[key] = value;
  }
  return result as T;
}

/** Why a row matching an organization the importer may not edit is refused (the same right as PATCH /organizations/{id}). */
export const NOT_EDITABLE_REASON = 'may not update the organization registered with this fiscal code (only its admins, the coordinators of its districts and platform administrators may); the row was not imported';

/**
 * Decides what each row of one batch does — create, update (same fiscal code, when the actor may edit that
 * organization: the single edit's right, row by row), flag (no fiscal code, similar name in the same municipality)
 * or reject — and writes it. Deterministic for a given database state and batch, so a
 * batch replayed after a crash does exactly what it would have done.
 */
async function processBatch(
  db: DbExecutor,
  actor: Actor,
  rows: ParsedFile['rows'],
  file: ParsedFile,
  mapping: TImportMapping,
  municipalities: MunicipalityLookup,
  version: { changedBy: string; change: string },
  kinds: { choices: TKindChoices; source: string | null },
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, flagged: 0, rejected: [], createdIds: [], updatedIds: [], kindInferred: 0, notes: [], inferredKinds: new Map() };
  const converted = rows.map((row) => ({ line: row.line, result: convertRow(row.cells, file.headers, mapping, municipalities, kinds.choices) }));
  const fiscalCodes = converted.flatMap((c) => (c.result.ok && c.result.input.fiscalCode ? [c.result.input.fiscalCode] : []));
  const existing = await selectLiveIdsByFiscalCodes(db, [...new Set(fiscalCodes)]);
  const accesses = await selectOrganizationAccesses(db, [...new Set(existing.values())]);

  const plans: Plan[] = [];
  const createByCode = new Map<string, number>();
  const updateById = new Map<string, number>();
  for (const { line, result } of converted) {
    if (!result.ok) {
      outcome.rejected.push({ line, reason: result.reason });
      continue;
    }
    const record = recordOf(result, kinds.source);
    const code = record.fiscal_code;
    const existingId = code ? existing.get(code) : undefined;
    if (code && existingId) {
      const access = accesses.get(existingId);
      if (!access || !canEditOrganization(actor, access)) {
        outcome.rejected.push({ line, reason: `${columnOfField(file.headers, mapping, 'fiscalCode')}: ${code} ${NOT_EDITABLE_REASON}` });
        continue;
      }
    }
    if (result.note) outcome.notes.push({ line, note: result.note });
    if (result.inferred) {
      outcome.kindInferred += 1;
      const group = outcome.inferredKinds.get(result.inferred.reason);
      if (group) {
        group.count += 1;
        if (group.examples.length < EXAMPLES_PER_GROUP) group.examples.push(result.inferred.legalName);
      } else {
        outcome.inferredKinds.set(result.inferred.reason, {
          reason: result.inferred.reason, proposedKind: result.inferred.kind, kind: record.kind as TInferredKindGroup['kind'], count: 1, examples: [result.inferred.legalName],
        });
      }
    }
    if (code && existingId) {
      const index = updateById.get(existingId);
      if (index === undefined) {
        updateById.set(existingId, plans.length);
        plans.push({ action: 'update', record: { ...record, id: existingId } });
      } else {
        const plan = plans[index] as Extract<Plan, { action: 'update' }>;
        plan.record = overlay(plan.record, record);
      }
      outcome.updated += 1;
    } else if (code && createByCode.has(code)) {
      const plan = plans[createByCode.get(code)!] as Extract<Plan, { action: 'create' }>;
      plan.record = overlay(plan.record, record);
      outcome.updated += 1;
    } else {
      if (code) createByCode.set(code, plans.length);
      plans.push({ action: 'create', record });
    }
  }

  const creates = plans.flatMap((plan) => (plan.action === 'create' ? [plan.record] : []));
  const ids = await bulkInsertOrganizations(db, creates, version);
  // Probable duplicates: rows without a fiscal code whose name is close to an organization of the same municipality
  // that existed before them — in the database (earlier batches included) or earlier in this batch.
  const batchOrdinals = Object.fromEntries(ids.map((id, ordinal) => [id, ordinal]));
  const toCheck = creates.flatMap((record, ordinal) =>
    !record.fiscal_code && record.municipality_code ? [{ id: ids[ordinal]!, ordinal, nameFolded: record.name_folded, municipalityCode: record.municipality_code }] : [],
  );
  const similar = await selectSimilarOrganizationsForRows(db, toCheck, batchOrdinals, PROBABLE_DUPLICATE_SIMILARITY);
  await insertDuplicateFlags(db, [...similar].map(([organizationId, match]) => ({ organizationId, candidateOrganizationId: match.id, similarity: match.similarity })));
  outcome.flagged = similar.size;
  outcome.created = creates.length - similar.size;
  const updates = plans.flatMap((plan) => (plan.action === 'update' ? [plan.record] : []));
  await bulkUpdateOrganizations(db, updates);
  outcome.createdIds = ids;
  outcome.updatedIds = updates.map((u) => u.id);
  return outcome;
}

function columnOfField(headers: string[], mapping: TImportMapping, field: string): string {
  return headers.find((header) => mapping[header] === field) ?? field;
}

function reportOf(row: OrganizationImportRow): TImportReport {
  return {
    importId: row.id,
    isDryRun: false,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.nextRow,
    created: row.createdCount,
    updated: row.updatedCount,
    flagged: row.flaggedCount,
    rejected: row.rejected as TImportReport['rejected'],
    error: row.error,
    kindInferred: row.kindInferredCount,
    inferredKinds: [],
    notes: row.notes as TImportReport['notes'],
  };
}

interface PreparedImport {
  file: ParsedFile;
  mapping: TImportMapping;
  municipalities: MunicipalityLookup;
  importRow: OrganizationImportRow | null;
  batchSize: number;
  kinds: { choices: TKindChoices; source: string | null };
}

/** What the territory says of every six-digit municipality code the file names (current, succeeded, ceased, unknown). */
async function resolveFileMunicipalityCodes(context: UseCaseContext, file: ParsedFile, mapping: TImportMapping): Promise<MunicipalityCodeResolution[]> {
  const column = file.headers.findIndex((header) => mapping[header] === 'municipality');
  if (column < 0) return [];
  const codes = [...new Set(file.rows.map((row) => row.cells[column]?.trim() ?? '').filter((cell) => /^\d{6}$/.test(cell)))];
  return [...(await resolveMunicipalityCodes(context.db.orm, codes)).values()];
}

async function prepareImport(context: UseCaseContext, options: ImportOptions): Promise<PreparedImport> {
  const file = parseOrganizationsFile(options.content);
  const known = await selectKnownMunicipalities(context.db.orm);
  if (options.resume) {
    const importRow = await selectResumableImport(context.db.orm, file.contentSha256);
    if (!importRow) throw nothingToResume(options.fileName);
    const mapping = importRow.mapping as TImportMapping;
    const municipalities = municipalityLookupOf(known, await resolveFileMunicipalityCodes(context, file, mapping));
    const kinds = { choices: (importRow.kindChoices as TKindChoices | null) ?? {}, source: importRow.source };
    return { file, mapping, municipalities, importRow, batchSize: importRow.batchSize, kinds };
  }
  const mapping = options.mapping ?? ((await selectImportMapping(context.db.orm, file.headerSignature)) as TImportMapping | null) ?? suggestMapping(file.headers);
  assertUsableMapping(file.headers, mapping);
  const municipalities = municipalityLookupOf(known, await resolveFileMunicipalityCodes(context, file, mapping));
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const inferring = isKindInferred(mapping);
  const kinds = { choices: inferring ? (options.kindChoices ?? {}) : {}, source: options.source?.trim() || null };
  if (options.isDryRun) return { file, mapping, municipalities, importRow: null, batchSize, kinds };
  // Proposed kinds are written only once someone has looked at them: the review step's choices, or the CLI's flag.
  if (inferring && !options.kindChoices && !options.acceptInferredKinds) throw kindsNotConfirmed(options.fileName);
  const importRow = await inTransaction(context, async (tx) => {
    await upsertImportMapping(tx, file.headerSignature, file.headers, mapping);
    const row = await insertImport(tx, {
      fileName: options.fileName, contentSha256: file.contentSha256, mapping, totalRows: file.rows.length, batchSize, startedBy: actorLabel(context.actor), startedByUserId: actorUserId(context.actor),
      source: kinds.source, kindChoices: inferring ? kinds.choices : null,
    });
    await recordAudit(tx, context, { action: 'organizations.start-import', entityType: 'organization_import', entityId: row.id, after: { ...row, headers: file.headers } });
    return row;
  });
  return { file, mapping, municipalities, importRow, batchSize, kinds };
}

async function runBatches(context: UseCaseContext, prepared: PreparedImport, options: ImportOptions): Promise<TImportReport> {
  const { file, mapping, municipalities, batchSize, kinds } = prepared;
  const total = file.rows.length;
  if (!prepared.importRow) {
    // A dry run is the import itself in one transaction that is rolled back: what it reports is what would happen,
    // including rows of the file that duplicate each other across batches.
    const report: TImportReport = {
      importId: null, isDryRun: true, status: 'completed', totalRows: total, processedRows: 0, created: 0, updated: 0, flagged: 0, rejected: [], error: null,
      kindInferred: 0, inferredKinds: [], notes: [],
    };
    const inferredKinds = new Map<string, TInferredKindGroup>();
    try {
      await inTransaction(context, async (tx) => {
        for (let start = 0; start < total; start += batchSize) {
          const outcome = await processBatch(tx, context.actor, file.rows.slice(start, start + batchSize), file, mapping, municipalities, { changedBy: actorLabel(context.actor), change: 'dry run' }, kinds);
          report.created += outcome.created;
          report.updated += outcome.updated;
          report.flagged += outcome.flagged;
          report.rejected.push(...outcome.rejected);
          report.kindInferred += outcome.kindInferred;
          report.notes.push(...outcome.notes);
          mergeInferredKinds(inferredKinds, outcome.inferredKinds);
          report.processedRows = Math.min(total, start + batchSize);
          options.onProgress?.(report.processedRows, total);
        }
        throw new DryRunRollback('dry run');
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    report.inferredKinds = [...inferredKinds.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    return report;
  }
  const importId = prepared.importRow.id;
  const runBatch = async (tx: DbExecutor, start: number, batchIndex: number) => {
    const end = Math.min(total, start + batchSize);
    const by = actorLabel(context.actor);
    const outcome = await processBatch(tx, context.actor, file.rows.slice(start, end), file, mapping, municipalities, { changedBy: by, change: `created by import ${importId}` }, kinds);
    await insertVersionSnapshots(tx, outcome.updatedIds, by, `updated by import ${importId}`);
    await updateImportProgress(tx, importId, {
      nextRow: end, created: outcome.created, updated: outcome.updated, flagged: outcome.flagged, rejected: outcome.rejected,
      kindInferred: outcome.kindInferred, notes: outcome.notes,
      status: end >= total ? 'completed' : 'running',
    });
    await recordAudit(tx, context, {
      action: 'organizations.import-batch', entityType: 'organization_import', entityId: importId,
      after: { fromRow: start, toRow: end, createdIds: outcome.createdIds, updatedIds: outcome.updatedIds, flagged: outcome.flagged, rejected: outcome.rejected, kindInferred: outcome.kindInferred, notes: outcome.notes },
    });
    await options.beforeBatchCommit?.(batchIndex);
    return end;
  };
  const first = prepared.importRow.nextRow;
  options.onProgress?.(first, total);
  if (total === 0 || first >= total) {
    await inTransaction(context, async (tx) => {
      await updateImportProgress(tx, importId, { nextRow: total, created: 0, updated: 0, flagged: 0, rejected: [], status: 'completed' });
      await recordAudit(tx, context, { action: 'organizations.import-batch', entityType: 'organization_import', entityId: importId, after: { fromRow: total, toRow: total } });
    });
  } else if (options.isSingleTransaction) {
    await inTransaction(context, async (tx) => {
      for (let start = first, index = 0; start < total; index += 1) {
        start = await runBatch(tx, start, index);
        options.onProgress?.(start, total);
      }
    });
  } else {
    for (let start = first, index = 0; start < total; index += 1) {
      start = await inTransaction(context, (tx) => runBatch(tx, start, index));
      options.onProgress?.(start, total);
    }
  }
  return reportOf((await selectImport(context.db.orm, importId))!);
}

async function markFailed(context: UseCaseContext, importId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await inTransaction(context, async (tx) => {
    const current = await selectImport(tx, importId);
    if (!current || current.status === 'completed') return;
    await updateImportProgress(tx, importId, { nextRow: current.nextRow, created: 0, updated: 0, flagged: 0, rejected: [], status: 'failed', error: message });
    await recordAudit(tx, context, { action: 'organizations.fail-import', entityType: 'organization_import', entityId: importId, after: { error: message, nextRow: current.nextRow } });
  });
}

/**
 * Imports organizations from a CSV file (UTF-8 or Windows-1252, comma or semicolon) with a per-row report: created,
 * updated (matched by fiscal code), flagged (probable duplicate) and rejected (line and reason). A dry run writes
 * nothing. Batches commit with the import's progress, so `resume` after a crash continues where it stopped and ends
 * in the same state as an uninterrupted import.
 */
export async function importOrganizations(context: UseCaseContext, options: ImportOptions): Promise<TImportReport> {
  assertCan(context.actor, OrganizationActions['organizations.import']);
  const prepared = await prepareImport(context, options);
  try {
    return await runBatches(context, prepared, options);
  } catch (error) {
    // In single-transaction mode, or when a batch fails for a reason other than a crash, say so on the import.
    if (prepared.importRow) await markFailed(context, prepared.importRow.id, error).catch(() => undefined);
    throw error;
  }
}

/** Starts an import and returns at once; the web page follows it with `getOrganizationImport`. */
export async function startOrganizationImport(context: UseCaseContext, options: Omit<ImportOptions, 'isDryRun' | 'onProgress'>): Promise<TImportReport> {
  assertCan(context.actor, OrganizationActions['organizations.import']);
  const prepared = await prepareImport(context, { ...options, isDryRun: false });
  const importRow = prepared.importRow!;
  void runBatches(context, prepared, options).catch((error: unknown) => markFailed(context, importRow.id, error).catch(() => undefined));
  return reportOf(importRow);
}

/**
 * How far an import got (the web page polls it for its progress bar). Only the user who ran it and platform admins
 * read it: its rejected-row reasons quote the file's cells. Anyone else gets the 404 of an unknown import.
 */
export async function getOrganizationImport(context: UseCaseContext, importId: string): Promise<TImportReport> {
  assertCan(context.actor, OrganizationActions['organizations.import']);
  const row = await selectImport(context.db.orm, importId);
  if (!row) throw importNotFound(importId);
  if (!can(context.actor, OrganizationActions['organizations.read-import'], { startedByUserId: row.startedByUserId })) throw importNotFound(importId);
  return reportOf(row);
}
