import { isPlatformAdmin } from '../access/actor';
import { definePolicies } from '../access/policy';

export const SettingsActions = definePolicies({
  'settings.read': () => true,
  'settings.update': (actor) => isPlatformAdmin(actor),
});
