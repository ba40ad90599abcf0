export { createOrganization, type CreateOrganizationInput } from './create-organization';
export { getOrganization } from './get-organization';
export { listOrganizations } from './list-organizations';
export { importOrganizations, type ImportOptions } from './import-organizations';
export { mergeOrganizations } from './merge-organizations';
export { organizations } from './organizations.schema';
export { organizationsModule } from './organizations.module';
export { addDistrictMembership, endDistrictMembership } from './manage-district-membership';
export { registerAndInviteOrganization } from './register-and-invite-organization';
export { acceptDistrictMembership, declineDistrictMembership, withdrawDistrictMembership } from './answer-district-membership';
export { confirmRelationship, declineRelationship } from './answer-relationship';
export { listOwnPendingMemberships } from './list-pending-memberships';
export { addPersonRole } from './add-person-role';
/** For modules where an organization commits itself (pacts): the user's name as its current legal representative, or null. */
export { selectCurrentLegalRepresentativeName as currentLegalRepresentativeName, selectCurrentlyRepresentedOrganizations as organizationsRepresentedBy } from './organizations.repository';
