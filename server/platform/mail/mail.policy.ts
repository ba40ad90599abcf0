import { isPlatformAdmin, type Actor } from '../access/actor';
import { definePolicies } from '../access/policy';

/** The districts whose outbox an actor reads: those it coordinates. */
export function coordinatedDistrictIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.filter((grant) => grant.role === 'district_coordinator' && grant.districtId).map((grant) => grant.districtId!);
}

export const MailActions = definePolicies({
  /** Platform administrators read every message; coordinators the messages of their districts. */
  'mail.outbox.read': (actor) => isPlatformAdmin(actor) || coordinatedDistrictIds(actor).length > 0,
  'mail.settings.read': (actor) => isPlatformAdmin(actor),
  'mail.settings.update': (actor) => isPlatformAdmin(actor),
  'mail.deliver': (actor) => isPlatformAdmin(actor),
});
