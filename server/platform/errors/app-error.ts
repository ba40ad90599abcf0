/**
 * Coded errors. A use case throws `new AppError('COMMON.STALE_VERSION', …)`; the HTTP layer maps the code to a
 * status in one place (http/error-handler.ts) and the CLI to an exit code. No SQL text or stack reaches a client.
 */
export const ERROR_STATUS = {
  'COMMON.VALIDATION': 422,
  'COMMON.BAD_REQUEST': 400,
  'COMMON.NOT_FOUND': 404,
  'COMMON.STALE_VERSION': 409,
  'COMMON.CONFLICT': 409,
  'COMMON.PAYLOAD_TOO_LARGE': 413,
  'COMMON.RATE_LIMITED': 429,
  'COMMON.INTERNAL': 500,
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
  'ACCESS.FORBIDDEN': 403,
  'DB.QUERY_TIMEOUT': 503,
  'DB.UNAVAILABLE': 503,
  'USERS.EMAIL_TAKEN': 409,
  'USERS.WEAK_PASSWORD': 422,
  'USERS.LAST_ADMINISTRATOR': 409,
  'USERS.CANNOT_CHANGE_SELF': 409,
  'INVITATIONS.INVALID': 410,
  'INVITATIONS.WRONG_ACCOUNT': 409,
  'INVITATIONS.ORGANIZATION_NOT_ALLOWED': 422,
  'TERRITORY.NOT_LOADED': 409,
  'ORGANIZATIONS.DUPLICATE_FISCAL_CODE': 409,
  'ORGANIZATIONS.NOTHING_TO_RESUME': 409,
  'SERVICES.DUPLICATE_TERM_CODE': 409,
  'ZONINGS.INVALID_FILE': 422,
  'IMPORT.UNREADABLE_TEXT': 422,
  'ZONINGS.DUPLICATE_NAME': 409,
  'SURVEYS.QUESTION_HAS_ANSWERS': 409,
  'SURVEYS.INVALID_TRANSITION': 409,
  'SURVEYS.CLOSED': 409,
  'SURVEYS.DUPLICATE_QUESTION_CODE': 409,
  'SURVEYS.SMALL_GROUP': 422,
  'NEEDS.INVALID_STATUS_CHANGE': 409,
  'MATCHING.FORBIDDEN_TRANSITION': 409,
  'MATCHING.NOT_ENOUGH_JOINED': 409,
  'MATCHING.PROPOSAL_NOT_OPEN': 409,
  'MATCHING.EMPTY_GROUP': 409,
  'MATCHING.SERVICE_NOT_ACTIVE': 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** 422 naming one field: `fieldError('version', 'required')`. */
export function fieldError(path: string, message: string): AppError {
  return new AppError('COMMON.VALIDATION', `${path}: ${message}`, { fields: [{ path, message }] });
}

export function notFound(entity: string, id: string): AppError {
  return new AppError('COMMON.NOT_FOUND', `${entity} ${id} not found`, { entity, id });
}

export function staleVersion(entity: string, id: string, expected: number, actual: number | null): AppError {
  return new AppError(
    'COMMON.STALE_VERSION',
    `${entity} ${id} was changed by someone else (you sent version ${expected}, current is ${actual ?? 'unknown'}); reload and retry`,
    { entity, id, sentVersion: expected, currentVersion: actual },
  );
}
