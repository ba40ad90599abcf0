import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../domain/limits';

export const INVITATION_ROLES = ['organization_member', 'organization_admin'] as const;
export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;

export const ZInvitationCreate = z.strictObject({
  organizationId: z.uuid(),
  email: z.email().max(320),
  role: z.enum(INVITATION_ROLES),
});
export type TInvitationCreate = z.infer<typeof ZInvitationCreate>;

export const ZInvitation = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  email: z.string(),
  role: z.enum(INVITATION_ROLES),
  status: z.enum(INVITATION_STATUSES),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type TInvitation = z.infer<typeof ZInvitation>;

/** An organization the signed-in user may invite people to, and why (coordinator of a district, or its admin). */
export const ZInvitableOrganization = z.object({ id: z.string(), name: z.string(), districtId: z.string().nullable() });
export type TInvitableOrganization = z.infer<typeof ZInvitableOrganization>;

export const ZInvitationOverview = z.object({
  organizations: z.array(ZInvitableOrganization),
  invitations: z.array(ZInvitation),
});
export type TInvitationOverview = z.infer<typeof ZInvitationOverview>;

export const ZInvitationToken = z.string().regex(/^[\w-]{20,100}$/);

/** What the invitee sees before accepting: which organization, which role, and whether to create an account. */
export const ZInvitationPreview = z.object({
  organizationName: z.string(),
  role: z.enum(INVITATION_ROLES),
  email: z.string(),
  hasAccount: z.boolean(),
  expiresAt: z.string(),
});
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

export const ZInvitationAccept = z.strictObject({
  token: ZInvitationToken,
  /** For a new account only: the name shown to others and a password under the policy. */
  displayName: z.string().trim().min(1).max(200).optional(),
  password: z.string().max(PASSWORD_MAX_LENGTH * 4).optional(),
});
export type TInvitationAccept = z.infer<typeof ZInvitationAccept>;

export const ZInvitationAccepted = z.object({ organizationId: z.string(), accountCreated: z.boolean() });
