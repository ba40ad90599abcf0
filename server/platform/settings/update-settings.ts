import type { TSettings, TSettingsUpdate } from '../../../common/contracts/settings';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { staleVersion } from '../errors/app-error';
import { inTransaction, type UseCaseContext } from '../use-case';
import { SettingsActions } from './settings.policy';
import { selectSettings, updateSettingsIfVersion } from './settings.repository';

/** Changes platform settings (admins), refusing a stale `version` so two admins never overwrite each other. */
export async function updateSettings(context: UseCaseContext, input: TSettingsUpdate): Promise<TSettings> {
  assertCan(context.actor, SettingsActions['settings.update']);
  return inTransaction(context, async (tx) => {
    const before = await selectSettings(tx);
    const isSaved = await updateSettingsIfVersion(tx, input.version, {
      basemapUrl: input.basemapUrl === undefined ? before.basemapUrl : input.basemapUrl,
      basemapAttribution: input.basemapAttribution === undefined ? before.basemapAttribution : input.basemapAttribution,
    });
    if (!isSaved) throw staleVersion('settings', 'platform', input.version, before.version);
    const after = await selectSettings(tx);
    await recordAudit(tx, context, { action: 'settings.update-settings', entityType: 'settings', entityId: 'platform', before, after });
    return after;
  });
}
