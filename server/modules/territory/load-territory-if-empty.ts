import type { TTerritoryImportReport } from '../../../common/contracts/territory';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { importTerritory, type TerritoryImportOptions } from './import-territory';
import { TerritoryActions } from './territory.policy';
import { hasMunicipalities } from './territory.repository';

/**
 * Imports the territory at start-up when no municipality is loaded yet, so a fresh install works without a manual
 * step; returns null (and touches nothing) otherwise. Two processes starting together are harmless: the import
 * upserts.
 */
export async function loadTerritoryIfEmpty(
  context: UseCaseContext,
  options: TerritoryImportOptions = {},
): Promise<TTerritoryImportReport | null> {
  assertCan(context.actor, TerritoryActions['territory.import']);
  if (await hasMunicipalities(context.db.orm)) return null;
  return importTerritory(context, options);
}
