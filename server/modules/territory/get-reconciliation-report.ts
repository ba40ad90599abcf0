import type { TTerritoryImportReport } from '../../../common/contracts/territory';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { territoryNotLoaded } from './territory.errors';
import { TerritoryActions } from './territory.policy';
import { latestTerritoryImport } from './territory.repository';

/** The latest import's report: counts and how each disagreement between the two sources was treated. */
export async function getReconciliationReport(context: UseCaseContext): Promise<TTerritoryImportReport> {
  assertCan(context.actor, TerritoryActions['territory.read']);
  const report = await latestTerritoryImport(context.db.orm);
  if (!report) throw territoryNotLoaded();
  return report;
}
