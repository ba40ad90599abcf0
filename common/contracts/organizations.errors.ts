import { defineErrorCodes } from './errors';

/** The organizations module's error codes and statuses. */
export const ORGANIZATIONS_ERROR_CODES = defineErrorCodes('ORGANIZATIONS', {
  'ORGANIZATIONS.DUPLICATE_FISCAL_CODE': 409,
  'ORGANIZATIONS.NOTHING_TO_RESUME': 409,
  'ORGANIZATIONS.KINDS_NOT_CONFIRMED': 409,
});
export type OrganizationsErrorCode = keyof typeof ORGANIZATIONS_ERROR_CODES;
