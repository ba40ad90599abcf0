import { sql } from 'drizzle-orm';
import type { TSettings } from '../../../common/contracts/settings';
import type { DbExecutor } from '../db/database';

export async function selectSettings(db: DbExecutor): Promise<TSettings> {
  const result = await db.execute<{ basemap_url: string | null; basemap_attribution: string | null; version: number }>(
    sql`select basemap_url, basemap_attribution, version from app_settings where id = 1`,
  );
  const row = result.rows[0]!;
  return { basemapUrl: row.basemap_url, basemapAttribution: row.basemap_attribution, version: row.version };
}

/** Writes the new values only if the row still has `expectedVersion`; false when someone else saved first. */
export async function updateSettingsIfVersion(
  db: DbExecutor,
  expectedVersion: number,
  values: { basemapUrl: string | null; basemapAttribution: string | null },
): Promise<boolean> {
  const result = await db.execute(sql`
    update app_settings set basemap_url = ${values.basemapUrl}, basemap_attribution = ${values.basemapAttribution},
      version = version + 1, updated_at = now()
    where id = 1 and version = ${expectedVersion}
    returning version`);
  return result.rows.length > 0;
}

/** First start only: take the basemap from the environment when the settings row was never edited. */
export async function applyInitialBasemap(db: DbExecutor, url: string | null, attribution: string | null): Promise<void> {
  if (!url) return;
  await db.execute(sql`update app_settings set basemap_url = ${url}, basemap_attribution = ${attribution}
    where id = 1 and version = 1 and basemap_url is null`);
}
