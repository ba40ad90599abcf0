import { defineErrorCodes } from './errors';

/** The organizations module's error codes and statuses. */
export const ORGANIZATIONS_ERROR_CODES = defineErrorCodes('ORGANIZATIONS', {
  'ORGANIZATIONS.DUPLICATE_FISCAL_CODE': 409,
  'ORGANIZATIONS.NOTHING_TO_RESUME': 409,
  'ORGANIZATIONS.KINDS_NOT_CONFIRMED': 409,
  /** The organization is already a member of the district, or invited or asking to be. */
  'ORGANIZATIONS.MEMBERSHIP_ALREADY_OPEN': 409,
  /** Only an accepted membership that has no end yet can be ended. */
  'ORGANIZATIONS.MEMBERSHIP_NOT_ENDABLE': 409,
});
export type OrganizationsErrorCode = keyof typeof ORGANIZATIONS_ERROR_CODES;
