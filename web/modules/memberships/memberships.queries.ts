import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { ZPendingMembershipList } from '../../../common/contracts/memberships';
import { ZOrganizationPage, ZOrganizationProfile, type TDistrictMembershipCreate, type TOrganizationRegisterAndInvite } from '../../../common/contracts/organizations';
import { api } from '../../app/api-client';

const at = encodeURIComponent;

/** Invitations and requests of the organizations the signed-in user acts for (their home page). */
export const ownPendingMembershipsQuery = queryOptions({
  queryKey: ['memberships', 'own'],
  queryFn: ({ signal }) => api.get('/api/organizations/pending-memberships', ZPendingMembershipList, { signal }),
});

/** The district's invitations and requests waiting for an answer (its coordinators). */
export function districtPendingMembershipsQuery(districtId: string) {
  return queryOptions({
    queryKey: ['memberships', 'district', districtId],
    queryFn: ({ signal }) => api.get(`/api/districts/${at(districtId)}/pending-memberships`, ZPendingMembershipList, { signal }),
  });
}

/** Organizations whose name matches, for the coordinator's invitation form. */
export function organizationSearchQuery(q: string) {
  return queryOptions({
    queryKey: ['memberships', 'organization-search', q],
    queryFn: ({ signal }) => api.get('/api/organizations', ZOrganizationPage, { signal, query: { q, limit: 20 } }),
    enabled: q.trim().length >= 2,
  });
}

export type MembershipAnswer = 'accept' | 'decline' | 'withdraw';

export function answerMembership(organizationId: string, membershipId: string, answer: MembershipAnswer) {
  return api.post(`/api/organizations/${at(organizationId)}/districts/${at(membershipId)}/${answer}`, ZOrganizationProfile);
}

export function proposeMembership(organizationId: string, membership: TDistrictMembershipCreate) {
  return api.post(`/api/organizations/${at(organizationId)}/districts`, ZOrganizationProfile, membership);
}

/** Registers a new organization and invites it to the district; the account with `adminEmail` administers it. */
export function registerAndInvite(body: TOrganizationRegisterAndInvite) {
  return api.post('/api/organizations/register-and-invite', ZOrganizationProfile, body);
}

/** Ends a current membership on a day (the membership stays current through that day). */
export function endMembership(organizationId: string, membershipId: string, endedOn: string) {
  return api.post(`/api/organizations/${at(organizationId)}/districts/${at(membershipId)}/end`, ZOrganizationProfile, { endedOn });
}

export function answerRelationship(organizationId: string, relationshipId: string, answer: 'confirm' | 'decline') {
  return api.post(`/api/organizations/${at(organizationId)}/relationships/${at(relationshipId)}/${answer}`, ZOrganizationProfile);
}

/** After an answer: memberships, organization profiles and district pages may all have changed. */
export function useRefreshAfterAnswer() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['memberships'] }),
      queryClient.invalidateQueries({ queryKey: ['organizations'] }),
      queryClient.invalidateQueries({ queryKey: ['districts'] }),
    ]);
}
