import { defineErrorCodes } from './errors';

/** The matching module's error codes and statuses. */
export const MATCHING_ERROR_CODES = defineErrorCodes('MATCHING', {
  'MATCHING.FORBIDDEN_TRANSITION': 409,
  'MATCHING.NOT_ENOUGH_JOINED': 409,
  'MATCHING.PROPOSAL_NOT_OPEN': 409,
  'MATCHING.EMPTY_GROUP': 409,
  'MATCHING.SERVICE_NOT_ACTIVE': 409,
});
export type MatchingErrorCode = keyof typeof MATCHING_ERROR_CODES;
