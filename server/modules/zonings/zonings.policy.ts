import { isPlatformAdmin } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';

export const ZoningActions = definePolicies({
  /** Zonings are public: which municipalities a health district or social-assistance area holds is open data. */
  'zonings.read': () => true,
  'zonings.import': (actor) => isPlatformAdmin(actor),
  'zonings.update': (actor) => isPlatformAdmin(actor),
  'zonings.delete': (actor) => isPlatformAdmin(actor),
});
