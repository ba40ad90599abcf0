import { z } from 'zod';
import { DISTRICT_MEMBERSHIP_ROLES } from '../domain/organizations';

/**
 * District membership by consent (ADR 0020). `invited`: the district proposed it, the organization's admins answer;
 * `requested`: the organization asked, the district's coordinators answer. Only `accepted` (started, not ended) gives
 * the district anything.
 */
export const DISTRICT_MEMBERSHIP_STATUSES = ['invited', 'requested', 'accepted', 'declined', 'withdrawn'] as const;
export type DistrictMembershipStatus = (typeof DISTRICT_MEMBERSHIP_STATUSES)[number];
export const PENDING_MEMBERSHIP_STATUSES = ['invited', 'requested'] as const;

/** A relationship shows publicly once the organization it names confirmed it. */
export const RELATIONSHIP_STATUSES = ['pending', 'confirmed', 'declined'] as const;

/** A membership nobody answered yet, as the district's coordinators or the organization's admins list them. */
export const ZPendingMembership = z.object({
  membershipId: z.string(),
  district: z.object({ id: z.string(), name: z.string() }),
  organization: z.object({ id: z.string(), name: z.string(), municipalityName: z.string().nullable() }),
  role: z.enum(DISTRICT_MEMBERSHIP_ROLES),
  status: z.enum(PENDING_MEMBERSHIP_STATUSES),
  startedOn: z.string(),
  requestedAt: z.string(),
  /** Whether the actor may accept or decline it (the side that did not propose it). */
  canAnswer: z.boolean(),
  /** Whether the actor may withdraw it (the side that proposed it). */
  canWithdraw: z.boolean(),
});
export type TPendingMembership = z.infer<typeof ZPendingMembership>;
export const ZPendingMembershipList = z.object({ items: z.array(ZPendingMembership) });
export type TPendingMembershipList = z.infer<typeof ZPendingMembershipList>;

export const ZMembershipParams = z.strictObject({ id: z.uuid(), membershipId: z.uuid() });
export const ZRelationshipParams = z.strictObject({ id: z.uuid(), relationshipId: z.uuid() });
