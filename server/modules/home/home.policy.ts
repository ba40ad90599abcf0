import { isPlatformAdmin } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';

export const HomeActions = definePolicies({
  /** Every signed-in person has a home; what it lists is narrowed to their own districts and organizations. */
  'home.read': (actor) => actor.kind === 'user',
  /** Every district side by side (members, needs, gaps, referrals counted): platform administrators. */
  'home.compare_districts': (actor) => isPlatformAdmin(actor),
});
