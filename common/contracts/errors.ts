import { z } from 'zod';

/** Every error the API returns has this shape; `details` names the offending fields when there are any. */
export const ZErrorResponse = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

/**
 * Why a field was refused, when the reason is one of a few a person can act on: the web shows it translated; any other
 * reason is shown as the server wrote it (`message`, English, for API clients and logs).
 */
export const FIELD_REASONS = ['required', 'already-used', 'not-found', 'not-current-member', 'unknown-code', 'must-differ', 'already-merged'] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];

export function isFieldReason(value: unknown): value is FieldReason {
  return typeof value === 'string' && (FIELD_REASONS as readonly string[]).includes(value);
}

/** One field problem inside a 400/422 `details.fields` list; `reason` is a FieldReason when the server gave one. */
export const ZFieldIssue = z.object({ path: z.string(), message: z.string(), reason: z.string().optional() });
export type TFieldIssue = z.infer<typeof ZFieldIssue>;

/**
 * A module's error codes with their HTTP status, every code prefixed by the module's name (`SURVEYS.CLOSED`), so two
 * modules can never declare the same code. The table lives in common/ so the web can check it translates each one.
 */
export function defineErrorCodes<const Prefix extends string, const Table extends Record<`${Prefix}.${string}`, number>>(
  _prefix: Prefix,
  table: Table,
): Table {
  return table;
}

/** The platform's own codes: what any module may throw (validation, not found, stale version) and the platform's rooms. */
export const COMMON_ERROR_CODES = defineErrorCodes('COMMON', {
  'COMMON.VALIDATION': 422,
  'COMMON.BAD_REQUEST': 400,
  'COMMON.NOT_FOUND': 404,
  'COMMON.STALE_VERSION': 409,
  'COMMON.CONFLICT': 409,
  'COMMON.PAYLOAD_TOO_LARGE': 413,
  'COMMON.RATE_LIMITED': 429,
  'COMMON.INTERNAL': 500,
});
export const AUTH_ERROR_CODES = defineErrorCodes('AUTH', {
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.THROTTLED': 429,
  'AUTH.REAUTHENTICATION_REQUIRED': 401,
  'AUTH.TOTP_REQUIRED': 401,
  'AUTH.TOTP_INVALID': 401,
  'AUTH.TOTP_ALREADY_ENABLED': 409,
  'AUTH.TOTP_NOT_ENROLLED': 409,
  'AUTH.RESET_LINK_INVALID': 410,
  'AUTH.WRONG_CURRENT_PASSWORD': 422,
  'AUTH.CSRF_INVALID': 403,
});
export const USERS_ERROR_CODES = defineErrorCodes('USERS', {
  'USERS.EMAIL_TAKEN': 409,
  'USERS.WEAK_PASSWORD': 422,
  'USERS.LAST_ADMINISTRATOR': 409,
  'USERS.CANNOT_CHANGE_SELF': 409,
});
export const ACCESS_ERROR_CODES = defineErrorCodes('ACCESS', { 'ACCESS.FORBIDDEN': 403 });
export const DB_ERROR_CODES = defineErrorCodes('DB', { 'DB.QUERY_TIMEOUT': 503, 'DB.UNAVAILABLE': 503 });
export const IMPORT_ERROR_CODES = defineErrorCodes('IMPORT', { 'IMPORT.UNREADABLE_TEXT': 422 });
/** Attachments (server/platform/files): too large, of a type the platform does not keep, or not sent as a form upload. */
export const FILES_ERROR_CODES = defineErrorCodes('FILES', {
  'FILES.TOO_LARGE': 413,
  'FILES.TYPE_REFUSED': 415,
  'FILES.MULTIPART_REQUIRED': 415,
});

/** Every code server/platform may throw, whatever modules are installed. */
export const PLATFORM_ERROR_CODES = {
  ...COMMON_ERROR_CODES,
  ...AUTH_ERROR_CODES,
  ...USERS_ERROR_CODES,
  ...ACCESS_ERROR_CODES,
  ...DB_ERROR_CODES,
  ...IMPORT_ERROR_CODES,
  ...FILES_ERROR_CODES,
} as const;
export type PlatformErrorCode = keyof typeof PLATFORM_ERROR_CODES;
