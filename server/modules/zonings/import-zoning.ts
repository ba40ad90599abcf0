import { ZZoningImportRequest, type TZoningImportReport, type TZoningImportRequest } from '../../../common/contracts/zonings';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { checkZoningRows } from './check-zoning-rows';
import { resolveZoningCodes } from './municipality-codes';
import { parseZoningFile } from './zoning-file';
import { ZoningActions } from './zonings.policy';
import { duplicateZoningName, invalidZoningFile } from './zonings.errors';
import {
  insertZonesWithMunicipalities,
  insertZoning,
  selectExistingRegionCodes,
  selectKnownMunicipalities,
  selectRegionMunicipalities,
  selectZoningIdByName,
} from './zonings.repository';

export interface ImportZoningOptions {
  isDemo?: boolean;
  /** The licence of a zoning loaded from public data (data/zonings). */
  licence?: string;
  /** Called between phases (the CLI draws a progress bar). */
  onProgress?: (done: number, total: number, phase: string) => void;
}

/**
 * Imports a zoning from a CSV (zone_code,zone_name,istat_code) or GeoJSON file. Every check runs first — file
 * format, codes of other years (a suppressed code read as its successor, said so per line), unknown codes,
 * duplicates, municipalities in two zones (or split, with their shares), outside the regions, gaps of a partition — and
 * the report lists each problem by line. A dry run stops there; otherwise any error refuses the whole file
 * (ZONINGS.INVALID_FILE, nothing written) and a clean file is written in one transaction, audited.
 */
export async function importZoning(context: UseCaseContext, rawInput: TZoningImportRequest, options: ImportZoningOptions = {}): Promise<TZoningImportReport> {
  assertCan(context.actor, ZoningActions['zonings.import']);
  const input = parseInput(ZZoningImportRequest, rawInput);
  const progress = options.onProgress ?? (() => undefined);
  if (input.regionCodes.length > 0) {
    const existing = new Set(await selectExistingRegionCodes(context.db.orm, input.regionCodes));
    const missing = input.regionCodes.filter((code) => !existing.has(code));
    if (missing.length > 0) throw fieldError('regionCodes', `unknown region code(s): ${missing.join(', ')}`);
  }
  progress(0, 4, 'Reading the file');
  const parsed = parseZoningFile(input.content, input.format, { zoneProperty: input.zoneProperty });
  progress(1, 4, 'Checking municipalities');
  const codes = [...new Set(parsed.rows.map((row) => row.istatCode))];
  const resolutions = await resolveZoningCodes(context.db.orm, codes);
  const currentCodes = [...new Set([...resolutions.values()].flatMap((r) => (r.kind === 'current' ? [r.code] : r.kind === 'succeeded' ? [r.successorCode] : [])))];
  const known = new Map((await selectKnownMunicipalities(context.db.orm, currentCodes)).map((m) => [m.istatCode, m]));
  const regionCodes = input.regionCodes.length > 0 ? input.regionCodes : [...new Set([...known.values()].map((m) => m.regionCode))].sort();
  const regionMunicipalities = parsed.rows.length > 0 ? await selectRegionMunicipalities(context.db.orm, regionCodes) : [];
  progress(2, 4, 'Checking zones');
  const checked = checkZoningRows({
    rows: parsed.rows,
    coverage: input.coverage,
    regionCodes,
    resolutions,
    known,
    regionMunicipalities,
    fileProblems: parsed.problems,
    deriveZoneNames: input.deriveZoneNames,
  });
  const existingId = await selectZoningIdByName(context.db.orm, input.name);
  const report: TZoningImportReport = { ...checked.summary, dryRun: input.dryRun, isWritten: false, zoningId: null };
  if (input.dryRun) {
    progress(4, 4, 'Dry run: nothing written');
    if (existingId) {
      report.problems.unshift({ kind: 'malformed_file', severity: 'error', line: null, istatCode: null, message: `A zoning called "${input.name}" already exists` });
      report.errorCount += 1;
    }
    return report;
  }
  if (report.errorCount > 0) throw invalidZoningFile(report);
  if (existingId) throw duplicateZoningName(input.name, existingId);
  progress(3, 4, 'Writing');
  const zoning = await inTransaction(context, async (tx) => {
    const created = await insertZoning(tx, {
      name: input.name,
      domain: input.domain,
      source: input.source,
      referenceDate: input.referenceDate,
      description: input.description,
      coverage: input.coverage,
      regionCodes,
      isDemo: options.isDemo ?? false,
      licence: options.licence ?? '',
    });
    await insertZonesWithMunicipalities(tx, created.id, checked.zones);
    await recordAudit(tx, context, {
      action: 'zonings.import-zoning',
      entityType: 'zoning',
      entityId: created.id,
      after: {
        ...created,
        zones: checked.zones.map((zone) => ({ code: zone.code, name: zone.name, nameIsDerived: zone.nameIsDerived, memberships: zone.memberships })),
        mappedCodeCount: checked.summary.mappedCodeCount,
      },
    });
    return created;
  });
  progress(4, 4, 'Done');
  return { ...report, isWritten: true, zoningId: zoning.id };
}
