import { PLATFORM_ERROR_CODES } from './errors';
import { GROUPS_ERROR_CODES } from './groups.errors';
import { INVITATIONS_ERROR_CODES } from './invitations.errors';
import { LABELS_ERROR_CODES } from './labels.errors';
import { MATCHING_ERROR_CODES } from './matching.errors';
import { NEEDS_ERROR_CODES } from './needs.errors';
import { ORGANIZATIONS_ERROR_CODES } from './organizations.errors';
import { PACTS_ERROR_CODES } from './pacts.errors';
import { PRACTICES_ERROR_CODES } from './practices.errors';
import { PROJECTS_ERROR_CODES } from './projects.errors';
import { SERVICES_ERROR_CODES } from './services.errors';
import { SURVEYS_ERROR_CODES } from './surveys.errors';
import { TERRITORY_ERROR_CODES } from './territory.errors';
import { ZONINGS_ERROR_CODES } from './zonings.errors';

/**
 * Every error code the API can answer: the platform's and each module's (common/contracts/<m>.errors.ts, which the
 * module registers through its manifest). The web checks it has an Italian and an English text for each; the server
 * checks every registered manifest's table is listed here (server/platform/errors/error-codes.test.ts).
 */
export const ERROR_STATUS = {
  ...PLATFORM_ERROR_CODES,
  ...TERRITORY_ERROR_CODES,
  ...ORGANIZATIONS_ERROR_CODES,
  ...ZONINGS_ERROR_CODES,
  ...SERVICES_ERROR_CODES,
  ...SURVEYS_ERROR_CODES,
  ...NEEDS_ERROR_CODES,
  ...MATCHING_ERROR_CODES,
  ...INVITATIONS_ERROR_CODES,
  ...GROUPS_ERROR_CODES,
  ...PRACTICES_ERROR_CODES,
  ...PROJECTS_ERROR_CODES,
  ...LABELS_ERROR_CODES,
  ...PACTS_ERROR_CODES,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}
