import { definePolicies } from '../../platform/access/policy';
import { isPlatformAdmin } from '../../platform/access/actor';

export const OrganizationActions = definePolicies({
  'organizations.create': (actor) => isPlatformAdmin(actor),
});
