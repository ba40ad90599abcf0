import { isPlatformAdmin } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';

export const TerritoryActions = definePolicies({
  // The territory is public reference data: anyone, signed in or not, may browse it.
  'territory.read': () => true,
  // Loading it rewrites reference data every module points at: platform administrators and the CLI only.
  'territory.import': (actor) => isPlatformAdmin(actor),
});
