import { defineErrorCodes } from './errors';

/** The needs module's error codes and statuses. */
export const NEEDS_ERROR_CODES = defineErrorCodes('NEEDS', { 'NEEDS.INVALID_STATUS_CHANGE': 409 });
export type NeedsErrorCode = keyof typeof NEEDS_ERROR_CODES;
