export { invitationsModule } from './invitations.module';
export { createInvitation, inviteToOrganization } from './create-invitation';
export { acceptInvitation, previewInvitation } from './accept-invitation';
export { listInvitations } from './list-invitations';
export { currentDistrictMembershipsSql } from './invitations.repository';
