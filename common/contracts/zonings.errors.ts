import { defineErrorCodes } from './errors';

/** The zonings module's error codes and statuses. */
export const ZONINGS_ERROR_CODES = defineErrorCodes('ZONINGS', {
  'ZONINGS.INVALID_FILE': 422,
  'ZONINGS.DUPLICATE_NAME': 409,
});
export type ZoningsErrorCode = keyof typeof ZONINGS_ERROR_CODES;
