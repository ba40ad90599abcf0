import { belongsToOrganization, coordinatesDistrict, isPlatformAdmin } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';

export const ServiceActions = definePolicies({
  /** The directory is public: anyone, without an account, may search it and read the open data. */
  'services.read': () => true,
  /** Writing needs an account; whether the row is the actor's own is checked once it is loaded (`services.update`). */
  'services.write': (actor) => actor.kind !== 'anonymous',
  /** A provider (member or admin of the organization) keeps its own services; platform admins any. */
  'services.create': (actor, service: { organizationId: string }) =>
    isPlatformAdmin(actor) || belongsToOrganization(actor, service.organizationId),
  'services.update': (actor, service: { organizationId: string }) =>
    isPlatformAdmin(actor) || belongsToOrganization(actor, service.organizationId),
  /** Coordinators follow their district's services; platform admins every service. */
  'services.listStale': (actor, scope: { districtId: string | null }) =>
    isPlatformAdmin(actor) || (scope.districtId !== null && coordinatesDistrict(actor, scope.districtId)),
  'services.import': (actor) => isPlatformAdmin(actor),
  /** Recomputing the stored supply of every municipality (after bulk loads) is an operator's job. */
  'services.supply.rebuild': (actor) => isPlatformAdmin(actor),
  'services.taxonomy.manage': (actor) => isPlatformAdmin(actor),
});
