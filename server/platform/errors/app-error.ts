import { ERROR_STATUS, isErrorCode, type ErrorCode } from '../../../common/contracts/error-codes';
import type { FieldReason } from '../../../common/contracts/errors';

export type { ErrorCode } from '../../../common/contracts/error-codes';

/**
 * Coded errors. A use case throws `new AppError('COMMON.STALE_VERSION', …)`; the HTTP layer maps the code to a
 * status in one place (http/error-handler.ts) and the CLI to an exit code. No SQL text or stack reaches a client.
 *
 * One mechanism for codes and statuses: the declared table. The platform's codes are in common/contracts/errors.ts,
 * each module's in its own common/contracts/<m>.errors.ts, and common/contracts/error-codes.ts only composes them
 * (the platform names no module's code). The table is static rather than registered by the manifests at start-up
 * because three readers need it without an app: the type of `AppError.code` (an undeclared code does not compile),
 * the web (it translates every declared code, web/app/error-messages.test.ts) and tests that mount a few modules.
 * server/platform/errors/error-codes.test.ts checks every code thrown anywhere is declared.
 */
export function statusOfErrorCode(code: string): number {
  return isErrorCode(code) ? ERROR_STATUS[code] : 500;
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
