import { defineErrorCodes } from './errors';

/** The surveys module's error codes and statuses. */
export const SURVEYS_ERROR_CODES = defineErrorCodes('SURVEYS', {
  'SURVEYS.QUESTION_HAS_ANSWERS': 409,
  'SURVEYS.INVALID_TRANSITION': 409,
  'SURVEYS.CLOSED': 409,
  'SURVEYS.DUPLICATE_QUESTION_CODE': 409,
  'SURVEYS.SMALL_GROUP': 422,
});
export type SurveysErrorCode = keyof typeof SURVEYS_ERROR_CODES;
