import { defineErrorCodes } from './errors';

/** The pacts module's error codes and statuses; each names the field at fault in `details.fields`. */
export const PACTS_ERROR_CODES = defineErrorCodes('PACTS', {
  'PACTS.FORBIDDEN_TRANSITION': 409,
  'PACTS.SIGNATURE_REQUIRED': 409,
  'PACTS.VERSION_NOT_DRAFT': 409,
  'PACTS.VERSION_NOT_SIGNABLE': 409,
  'PACTS.ALREADY_SIGNED': 409,
  'PACTS.NOT_LEGAL_REPRESENTATIVE': 403,
  'PACTS.NOT_PREVIOUS_SIGNATORY': 409,
  'PACTS.AMENDMENT_IN_PROGRESS': 409,
  'PACTS.NOT_PENDING': 409,
  'PACTS.NOT_A_SIGNATORY': 409,
  'PACTS.DATES_OUT_OF_ORDER': 400,
});
export type PactsErrorCode = keyof typeof PACTS_ERROR_CODES;
