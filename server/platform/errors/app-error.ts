import { ERROR_STATUS, isErrorCode, type ErrorCode } from '../../../common/contracts/error-codes';
import { PLATFORM_ERROR_CODES, type FieldReason } from '../../../common/contracts/errors';

export type { ErrorCode } from '../../../common/contracts/error-codes';

/**
 * Coded errors. A use case throws `new AppError('COMMON.STALE_VERSION', …)`; the HTTP layer maps the code to a
 * status in one place (http/error-handler.ts) and the CLI to an exit code. No SQL text or stack reaches a client.
 * The platform knows only its own codes; each module declares its own in common/contracts/<m>.errors.ts and registers
 * them through its manifest (`errorCodes`), so the platform never lists SURVEYS.* or MATCHING.*.
 */
const statusByCode = new Map<string, number>(Object.entries(PLATFORM_ERROR_CODES));

/** Adds a module's codes; a code declared twice with another status is a programming error, caught at start-up. */
export function registerErrorCodes(table: Readonly<Record<string, number>>): void {
  for (const [code, status] of Object.entries(table)) {
    const known = statusByCode.get(code);
    if (known !== undefined && known !== status) throw new Error(`Error code ${code} is declared with status ${known} and ${status}`);
    statusByCode.set(code, status);
  }
}

/**
 * The status of a registered code. A test app registers only the manifests it mounts, so a code of a module it did not
 * mount falls back on the declared list (common/contracts/error-codes.ts); anything else is a 500.
 */
export function statusOfErrorCode(code: string): number {
  return statusByCode.get(code) ?? (isErrorCode(code) ? ERROR_STATUS[code] : 500);
}

/** Every registered code, for the test that the web translates each one. */
export function registeredErrorCodes(): string[] {
  return [...statusByCode.keys()];
}

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
    return statusOfErrorCode(this.code);
  }
}

/**
 * 422 naming one field: `fieldError('version', 'required', 'required')`. The reason, when one of FIELD_REASONS fits,
 * lets the web show the problem in the reader's language instead of the English message.
 */
export function fieldError(path: string, message: string, reason?: FieldReason): AppError {
  return new AppError('COMMON.VALIDATION', `${path}: ${message}`, { fields: [{ path, message, ...(reason ? { reason } : {}) }] });
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
