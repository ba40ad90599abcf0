import type { DbExecutor } from '../../platform/db/database';
import { resolveMunicipalityCodes } from '../territory';
import type { CodeResolution } from './code-resolution';

export type { CodeResolution } from './code-resolution';

/**
 * Resolves the municipality codes of a zoning file through the territory's history of codes: current, suppressed
 * (read as its successor), ceased without derivable successor, or unknown.
 */
export function resolveZoningCodes(db: DbExecutor, codes: readonly string[]): Promise<Map<string, CodeResolution>> {
  return resolveMunicipalityCodes(db, codes);
}
