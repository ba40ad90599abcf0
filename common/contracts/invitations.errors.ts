import { defineErrorCodes } from './errors';

/** The invitations module's error codes and statuses. */
export const INVITATIONS_ERROR_CODES = defineErrorCodes('INVITATIONS', {
  'INVITATIONS.INVALID': 410,
  'INVITATIONS.WRONG_ACCOUNT': 409,
  'INVITATIONS.ORGANIZATION_NOT_ALLOWED': 422,
});
export type InvitationsErrorCode = keyof typeof INVITATIONS_ERROR_CODES;
