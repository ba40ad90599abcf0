import type { MunicipalityCodeResolution } from '../../../common/contracts/territory';
import type { DbExecutor } from '../../platform/db/database';
import { selectCodeResolutions } from './territory.repository';

/**
 * What each ISTAT code names today, for importers and upgrades that meet codes of other years: current, succeeded
 * by a current municipality (merged or recoded, chains followed), ceased with no derivable successor, or unknown.
 * Public reference data, so no actor: the caller's use case has already checked its own access. One set-based
 * query whatever the number of codes; `db` is the database or the caller's transaction.
 */
export async function resolveMunicipalityCodes(
  db: DbExecutor,
  codes: readonly string[],
): Promise<Map<string, MunicipalityCodeResolution>> {
  const wellFormed = [...new Set(codes)].filter((code) => /^\d{6}$/.test(code));
  const found = new Map((await selectCodeResolutions(db, wellFormed)).map((resolution) => [resolution.code, resolution]));
  const resolutions = new Map<string, MunicipalityCodeResolution>();
  for (const code of codes) resolutions.set(code, found.get(code) ?? { kind: 'unknown', code });
  return resolutions;
}
