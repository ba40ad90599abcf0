/** District membership by consent and relationship confirmation (ADR 0020): what other web modules show. */
export { DistrictMembershipsPanel, OwnPendingMemberships, RequestMembershipForm } from './pending-memberships';
export { MembershipAnswerButtons, RelationshipAnswerButtons } from './membership-answers';
export { DistrictMemberActions, EndMembershipAction } from './district-member-actions';
