import { defineErrorCodes } from './errors';

/** The groups module's error codes and statuses; each 409 names the field at fault in `details.fields`. */
export const GROUPS_ERROR_CODES = defineErrorCodes('GROUPS', {
  'GROUPS.ALREADY_MEMBER': 409,
  'GROUPS.INVALID_STATUS_CHANGE': 409,
  'GROUPS.GROUP_CLOSED': 409,
  'GROUPS.MEETING_NOT_SCHEDULED': 409,
  'GROUPS.MEETING_NOT_MINUTED': 409,
  'GROUPS.MINUTES_PUBLISHED': 409,
  'GROUPS.MINUTES_NOT_PUBLISHED': 409,
});
export type GroupsErrorCode = keyof typeof GROUPS_ERROR_CODES;
