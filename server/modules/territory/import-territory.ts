import { ZRegionCode, type TTerritoryImportReport } from '../../../common/contracts/territory';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError } from '../../platform/errors/app-error';
import { publishInTransaction } from '../../platform/events';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { TERRITORY_MUNICIPALITIES_CHANGED } from './territory-events';
import { buildTerritory, readTerritorySources } from './territory-source';
import { TerritoryActions } from './territory.policy';
import {
  analyzeTerritory,
  countCodeVariations,
  countTerritory,
  insertTerritoryImport,
  replaceCodeVariations,
  UPSERT_BATCH_SIZE,
  upsertMunicipalities,
  upsertProvinces,
  upsertRegions,
} from './territory.repository';

export type TerritoryImportPhase = 'reading' | 'shaping' | 'writing';

export interface TerritoryImportOptions {
  /** ISTAT region codes to load (e.g. ['01'] for Piemonte); all regions when absent. */
  regions?: string[];
  /** Folder holding comuni.csv and the comuni_regione_NN.topo.json files; the product's data/territory by default. */
  dataDir?: string;
  /** Called as the import advances, for the CLI's progress bar. */
  onProgress?: (done: number, total: number, phase: TerritoryImportPhase) => void;
}

/**
 * Loads the ISTAT municipality list reconciled with the Openpolis boundaries (regions, provinces, municipalities with
 * representative point, bbox and boundary) and ISTAT's history of codes in one audited transaction, then publishes
 * `territory.municipalities-changed` in it. Upserts make it idempotent: running it again
 * on the same files leaves the same rows, so it is safe at every start-up and after a data update.
 */
export async function importTerritory(
  context: UseCaseContext,
  options: TerritoryImportOptions = {},
): Promise<TTerritoryImportReport> {
  assertCan(context.actor, TerritoryActions['territory.import']);
  const regionCodes = options.regions ? [...new Set(options.regions)].sort() : undefined;
  for (const code of regionCodes ?? []) {
    if (!ZRegionCode.safeParse(code).success) throw fieldError('regions', `${code} is not a two-digit ISTAT region code`);
  }
  const progress = options.onProgress ?? (() => undefined);

  progress(0, 1, 'reading');
  const sources = readTerritorySources(options.dataDir);
  progress(1, 1, 'reading');
  const territory = buildTerritory(sources, {
    regions: regionCodes,
    onProgress: (done, total) => progress(done, total, 'shaping'),
  });
  const unknown = (regionCodes ?? []).filter((code) => !territory.regions.some((region) => region.code === code));
  if (unknown.length > 0) throw fieldError('regions', `no municipalities in region ${unknown.join(', ')}`);

  const report: TTerritoryImportReport = {
    importedAt: new Date().toISOString(),
    regions: territory.regions.length,
    provinces: territory.provinces.length,
    municipalities: territory.municipalities.length,
    withBoundary: territory.municipalities.filter((municipality) => municipality.boundary !== null).length,
    reconciliation: territory.reconciliation,
  };

  return inTransaction(context, async (tx) => {
    const before = await countTerritory(tx);
    await upsertRegions(tx, territory.regions);
    await upsertProvinces(tx, territory.provinces);
    const total = territory.municipalities.length;
    progress(0, total, 'writing');
    for (let start = 0; start < total; start += UPSERT_BATCH_SIZE) {
      await upsertMunicipalities(tx, territory.municipalities.slice(start, start + UPSERT_BATCH_SIZE));
      progress(Math.min(start + UPSERT_BATCH_SIZE, total), total, 'writing');
    }
    await replaceCodeVariations(tx, territory.codeVariations);
    await analyzeTerritory(tx);
    const importId = await insertTerritoryImport(tx, report);
    const after = await countTerritory(tx);
    await publishInTransaction(tx, TERRITORY_MUNICIPALITIES_CHANGED, {
      currentMunicipalities: after.municipalities,
      codeVariations: await countCodeVariations(tx),
    });
    await recordAudit(tx, context, {
      action: 'territory.import',
      entityType: 'territory_import',
      entityId: String(importId),
      before,
      after: { ...after, scope: regionCodes ?? 'all', reconciliationItems: report.reconciliation.length },
    });
    return report;
  });
}
