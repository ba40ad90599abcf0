import { coordinatesDistrict, isPlatformAdmin, type Actor } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';

/**
 * What the actor is to one pact, computed once per request by pact-access.ts: the policies below decide from it.
 * `inDistrict`: they hold a role in a current member organization of the pact's district; `ofSignatory`: in an
 * organization with a valid signature of the pact.
 */
export interface PactStanding {
  districtId: string;
  isPublic: boolean;
  inDistrict: boolean;
  ofSignatory: boolean;
}

/** The district's coordinators and the platform administrators (the region's administration) manage its pacts. */
export const managesDistrictPacts = (actor: Actor, districtId: string) => isPlatformAdmin(actor) || coordinatesDistrict(actor, districtId);

/**
 * Who may do what with territorial pacts, deny by default. Managers (coordinators of the district, platform
 * administrators) create pacts, write drafts, move versions through their lifecycle, decide adhesions and record
 * commitments. Readers: managers, people of the district's member organizations and of the signatories, and anyone
 * when the pact is public; drafts are the managers'. Signing and acknowledging: a person (not the system operator)
 * who is a current legal representative of the organization (checked by the use case against the organizations
 * module) with the password re-entered.
 */
export const PactActions = definePolicies({
  'pacts.list': (actor, scope: { districtId: string; inDistrict: boolean }) => managesDistrictPacts(actor, scope.districtId) || scope.inDistrict,
  'pacts.create': (actor, scope: { districtId: string }) => managesDistrictPacts(actor, scope.districtId),
  'pacts.read': (actor, pact: PactStanding) => pact.isPublic || managesDistrictPacts(actor, pact.districtId) || pact.inDistrict || pact.ofSignatory,
  /**
   * What happens inside the network: adhesions waiting or refused, and the notes of the decisions. The district's
   * managers, its members and the signatories; a reader who sees the pact only because it is public does not.
   */
  'pacts.read-internals': (actor, pact: PactStanding) => managesDistrictPacts(actor, pact.districtId) || pact.inDistrict || pact.ofSignatory,
  /** The public page (no sign-in): anyone, for a pact the district made public. */
  'pacts.read-public': (_actor, pact: { isPublic: boolean }) => pact.isPublic,
  'pacts.read-drafts': (actor, pact: PactStanding) => managesDistrictPacts(actor, pact.districtId),
  'pacts.manage': (actor, pact: PactStanding) => managesDistrictPacts(actor, pact.districtId),
  'pacts.sign': (actor) => actor.kind === 'user',
  /** Commitments: the managers, or a legal representative of the signatory (checked by the use case). */
  'pacts.commit': (actor, scope: { pact: PactStanding; isLegalRepresentative: boolean }) => managesDistrictPacts(actor, scope.pact.districtId) || scope.isLegalRepresentative,
  /** The daily run that marks late commitments: the scheduler (system) or a platform administrator by hand. */
  'pacts.notice-late': (actor) => isPlatformAdmin(actor),
});
