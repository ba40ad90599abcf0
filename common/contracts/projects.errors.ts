import { defineErrorCodes } from './errors';

/** The projects module's error codes and statuses; each names its field in `details.fields`. */
export const PROJECTS_ERROR_CODES = defineErrorCodes('PROJECTS', {
  'PROJECTS.FORBIDDEN_TRANSITION': 409,
  'PROJECTS.DECISION_MISMATCH': 409,
  'PROJECTS.EVALUATION_REQUIRED': 400,
  'PROJECTS.SCALE_UP_REQUIRED': 400,
  'PROJECTS.DATES_OUT_OF_ORDER': 400,
  'PROJECTS.SHARES_OVER_100': 400,
  'PROJECTS.PARTNER_EXISTS': 409,
  'PROJECTS.NOT_A_PARTNER': 400,
  'PROJECTS.NOT_RUNNING': 409,
  'PROJECTS.LINK_EXISTS': 409,
  'PROJECTS.PROPOSAL_NOT_USABLE': 409,
});
export type ProjectsErrorCode = keyof typeof PROJECTS_ERROR_CODES;
