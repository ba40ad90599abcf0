import { defineErrorCodes } from './errors';

/** The practices module's error codes and statuses. */
export const PRACTICES_ERROR_CODES = defineErrorCodes('PRACTICES', {
  /** A partial or failed practice without its cause or its lesson: `details.fields` names the blank ones. */
  'PRACTICES.LESSON_REQUIRED': 400,
});
export type PracticesErrorCode = keyof typeof PRACTICES_ERROR_CODES;
