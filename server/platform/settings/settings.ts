import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { ZSettings, ZSettingsUpdate, type TSettings, type TSettingsUpdate } from '../../../common/contracts/settings';
import { isPlatformAdmin } from '../access/actor';
import { assertCan, definePolicies } from '../access/policy';
import { recordAudit } from '../audit/audit';
import type { DbExecutor } from '../db/database';
import { staleVersion } from '../errors/app-error';
import { contextOf } from '../http/context';
import { inTransaction, type UseCaseContext } from '../use-case';

export const SettingsActions = definePolicies({
  'settings.read': () => true,
  'settings.update': (actor) => isPlatformAdmin(actor),
});

async function readSettings(db: DbExecutor): Promise<TSettings> {
  const result = await db.execute<{ basemap_url: string | null; basemap_attribution: string | null; version: number }>(
    sql`select basemap_url, basemap_attribution, version from app_settings where id = 1`,
  );
  const row = result.rows[0]!;
  return { basemapUrl: row.basemap_url, basemapAttribution: row.basemap_attribution, version: row.version };
}

/** Platform settings every browser needs, such as the optional basemap of the maps. */
export async function getSettings(context: UseCaseContext): Promise<TSettings> {
  assertCan(context.actor, SettingsActions['settings.read']);
  return readSettings(context.db.orm);
}

/** Changes platform settings (admins), refusing a stale `version` so two admins never overwrite each other. */
export async function updateSettings(context: UseCaseContext, input: TSettingsUpdate): Promise<TSettings> {
  assertCan(context.actor, SettingsActions['settings.update']);
  return inTransaction(context, async (tx) => {
    const before = await readSettings(tx);
    const result = await tx.execute<{ version: number }>(sql`
      update app_settings set
        basemap_url = ${input.basemapUrl === undefined ? before.basemapUrl : input.basemapUrl},
        basemap_attribution = ${input.basemapAttribution === undefined ? before.basemapAttribution : input.basemapAttribution},
        version = version + 1, updated_at = now()
      where id = 1 and version = ${input.version}
      returning version`);
    if (result.rows.length === 0) throw staleVersion('settings', 'platform', input.version, before.version);
    const after = await readSettings(tx);
    await recordAudit(tx, context, { action: 'settings.update', entityType: 'settings', entityId: 'platform', before, after });
    return after;
  });
}

/** First start only: take the basemap from the environment when the settings row was never edited. */
export async function applyInitialBasemap(db: DbExecutor, url: string | null, attribution: string | null): Promise<void> {
  if (!url) return;
  await db.execute(sql`update app_settings set basemap_url = ${url}, basemap_attribution = ${attribution}
    where id = 1 and version = 1 and basemap_url is null`);
}

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/settings', { schema: { tags: ['settings'], summary: 'Platform settings', response: { 200: ZSettings } } }, async (request) =>
    getSettings(contextOf(request)),
  );
  app.patch(
    '/api/settings',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change platform settings (platform admins)',
        body: ZSettingsUpdate,
        response: { 200: ZSettings, 401: ZErrorResponse, 403: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse },
      },
    },
    async (request) => updateSettings(contextOf(request), request.body),
  );
};
