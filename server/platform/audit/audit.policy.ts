import { isPlatformAdmin } from '../access/actor';
import { definePolicies } from '../access/policy';

export const AuditActions = definePolicies({
  'audit.read': (actor) => isPlatformAdmin(actor),
  'audit.verify': (actor) => isPlatformAdmin(actor),
});
