import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { PASSWORD_MAX_LENGTH } from '../domain/limits';

/** Passwords are checked by the policy (common/domain/password-policy.ts); this bound only keeps requests small. */
const ZPasswordInput = z.string().max(PASSWORD_MAX_LENGTH * 4);
const ZTotpCode = z.string().trim().max(20);

export const ZLoginRequest = z.strictObject({
  email: z.email().max(320),
  password: ZPasswordInput.min(1),
  /** The authenticator (or a recovery) code, once the server answered AUTH.TOTP_REQUIRED. */
  totpCode: ZTotpCode.optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZRoleGrant = z.object({
  role: z.enum(ROLES),
  scopeType: z.enum(['platform', 'district', 'organization']),
  scopeId: z.string().nullable(),
  scopeName: z.string().nullable(),
});
export type TRoleGrant = z.infer<typeof ZRoleGrant>;

export const ZSessionUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(['it', 'en']),
  /** Whether the user turned on TOTP (the re-authentication dialog then asks the code too). */
  hasTotp: z.boolean().optional(),
});

/** What the web app knows about who is signed in. `csrfToken` must be echoed in `x-csrf-token` on every write. */
export const ZSessionResponse = z.object({
  user: ZSessionUser.nullable(),
  roles: z.array(ZRoleGrant),
  csrfToken: z.string().nullable(),
});
export type TSessionResponse = z.infer<typeof ZSessionResponse>;

/** The language a user reads the web app and their mails in (set in "my account"). */
export const ZLocaleChange = z.strictObject({ locale: z.enum(['it', 'en']) });
export type TLocaleChange = z.infer<typeof ZLocaleChange>;

export const ZReauthenticateRequest = z.strictObject({ password: ZPasswordInput.min(1), totpCode: ZTotpCode.optional() });
export type TReauthenticateRequest = z.infer<typeof ZReauthenticateRequest>;

export const ZChangePasswordRequest = z.strictObject({ currentPassword: ZPasswordInput.min(1), newPassword: ZPasswordInput });
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZPasswordResetRequest = z.strictObject({ email: z.email().max(320) });
export type TPasswordResetRequest = z.infer<typeof ZPasswordResetRequest>;

export const ZPasswordResetToken = z.string().regex(/^[\w-]{20,100}$/);
export const ZPasswordResetCompletion = z.strictObject({ token: ZPasswordResetToken, newPassword: ZPasswordInput });
export type TPasswordResetCompletion = z.infer<typeof ZPasswordResetCompletion>;
export const ZPasswordResetLink = z.object({ email: z.string() });

export const ZTotpEnrolment = z.object({ secret: z.string(), uri: z.string() });
export type TTotpEnrolment = z.infer<typeof ZTotpEnrolment>;
export const ZTotpConfirmRequest = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/) });
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type TRecoveryCodes = z.infer<typeof ZRecoveryCodes>;
export const ZTotpStatus = z.object({ isEnabled: z.boolean(), isAllowed: z.boolean(), unusedRecoveryCodes: z.number().int() });
export type TTotpStatus = z.infer<typeof ZTotpStatus>;

export const ZUserGrant = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  districtId: z.string().nullable(),
  organizationId: z.string().nullable(),
  scopeName: z.string().nullable(),
});
export type TUserGrant = z.infer<typeof ZUserGrant>;

export const ZUserSummary = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  isActive: z.boolean(),
  hasTotp: z.boolean(),
  version: z.number().int(),
  grants: z.array(ZUserGrant),
});
export type TUserSummary = z.infer<typeof ZUserSummary>;

export const ZUserListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const ZUserList = z.object({ items: z.array(ZUserSummary), total: z.number().int() });
export type TUserList = z.infer<typeof ZUserList>;

export const ZGrantRoleRequest = z.strictObject({
  role: z.enum(ROLES),
  districtId: z.uuid().nullable().optional(),
  organizationId: z.uuid().nullable().optional(),
});
export type TGrantRoleRequest = z.infer<typeof ZGrantRoleRequest>;

export const ZUserActiveRequest = z.strictObject({ isActive: z.boolean() });
