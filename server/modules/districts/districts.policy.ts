import { coordinatesDistrict, isPlatformAdmin } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';

export const DistrictActions = definePolicies({
  /** District pages are public: who runs a district and where is open information. */
  'districts.read': () => true,
  'districts.create': (actor) => isPlatformAdmin(actor),
  'districts.update': (actor, district: { id: string }) => isPlatformAdmin(actor) || coordinatesDistrict(actor, district.id),
  /** Its coordinators run the district's governance: steering group, assembly, working groups and who sits in them. */
  'districts.manage_governance': (actor, district: { id: string }) => isPlatformAdmin(actor) || coordinatesDistrict(actor, district.id),
  /** Invitations and requests waiting for an answer are the district's business: its coordinators (ADR 0020). */
  'districts.read_pending_memberships': (actor, district: { id: string }) => isPlatformAdmin(actor) || coordinatesDistrict(actor, district.id),
});
