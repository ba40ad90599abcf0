import type { TSettings } from '../../../common/contracts/settings';
import { assertCan } from '../access/policy';
import type { UseCaseContext } from '../use-case';
import { SettingsActions } from './settings.policy';
import { selectSettings } from './settings.repository';

/** Platform settings every browser needs, such as the optional basemap of the maps. */
export async function getSettings(context: UseCaseContext): Promise<TSettings> {
  assertCan(context.actor, SettingsActions['settings.read']);
  return selectSettings(context.db.orm);
}
