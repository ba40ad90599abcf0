import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { PASSWORD_MAX_LENGTH } from '../domain/limits';

export const ZLoginRequest = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
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
});

/** What the web app knows about who is signed in. `csrfToken` must be echoed in `x-csrf-token` on every write. */
export const ZSessionResponse = z.object({
  user: ZSessionUser.nullable(),
  roles: z.array(ZRoleGrant),
  csrfToken: z.string().nullable(),
});
export type TSessionResponse = z.infer<typeof ZSessionResponse>;
