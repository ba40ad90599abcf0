import type { DbExecutor } from '../../platform/db/database';
import type { CodeResolution } from './code-resolution';
import { selectKnownMunicipalities } from './zonings.repository';

export type { CodeResolution } from './code-resolution';

/**
 * Resolves the municipality codes of a zoning file against the territory. Until the territory keeps the history of
 * codes, a code is either current or unknown.
 */
export async function resolveZoningCodes(db: DbExecutor, codes: readonly string[]): Promise<Map<string, CodeResolution>> {
  const known = new Map((await selectKnownMunicipalities(db, [...codes])).map((m) => [m.istatCode, m]));
  return new Map(
    codes.map((code): [string, CodeResolution] => {
      const municipality = known.get(code);
      return [code, municipality ? { kind: 'current', code, name: municipality.name } : { kind: 'unknown', code }];
    }),
  );
}
