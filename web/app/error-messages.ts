import type { TFunction } from 'i18next';
import { CLIENT_ERROR_CODES, isApiError } from './api-client';

/** Localised text for the error codes the API returns (see server/platform/errors/app-error.ts). */
const MESSAGE_KEYS = {
  'AUTH.INVALID_CREDENTIALS': 'errors.invalidCredentials',
  'AUTH.THROTTLED': 'errors.throttled',
  'AUTH.REAUTHENTICATION_REQUIRED': 'errors.reauthenticationRequired',
  'AUTH.TOTP_REQUIRED': 'errors.totpRequired',
  'AUTH.TOTP_INVALID': 'errors.totpInvalid',
  'AUTH.TOTP_ALREADY_ENABLED': 'errors.totpAlreadyEnabled',
  'AUTH.TOTP_NOT_ENROLLED': 'errors.totpNotEnrolled',
  'AUTH.RESET_LINK_INVALID': 'errors.resetLinkInvalid',
  'AUTH.WRONG_CURRENT_PASSWORD': 'errors.wrongCurrentPassword',
  'USERS.WEAK_PASSWORD': 'errors.weakPassword',
  'USERS.EMAIL_TAKEN': 'errors.emailTaken',
  'USERS.LAST_ADMINISTRATOR': 'errors.lastAdministrator',
  'USERS.CANNOT_CHANGE_SELF': 'errors.cannotChangeSelf',
  'INVITATIONS.INVALID': 'errors.invitationInvalid',
  'INVITATIONS.WRONG_ACCOUNT': 'errors.invitationWrongAccount',
  'INVITATIONS.ORGANIZATION_NOT_ALLOWED': 'errors.invitationOrganizationNotAllowed',
  'AUTH.UNAUTHENTICATED': 'errors.unauthenticated',
  'AUTH.CSRF_INVALID': 'errors.csrf',
  'ACCESS.FORBIDDEN': 'errors.forbidden',
  'COMMON.NOT_FOUND': 'errors.notFound',
  'COMMON.STALE_VERSION': 'errors.staleVersion',
  'COMMON.CONFLICT': 'errors.conflict',
  'COMMON.VALIDATION': 'errors.validation',
  'COMMON.BAD_REQUEST': 'errors.validation',
  'COMMON.RATE_LIMITED': 'errors.rateLimited',
  'COMMON.PAYLOAD_TOO_LARGE': 'errors.payloadTooLarge',
  'DB.QUERY_TIMEOUT': 'errors.timeout',
  'DB.UNAVAILABLE': 'errors.unavailable',
  'TERRITORY.NOT_LOADED': 'errors.territoryNotLoaded',
  [CLIENT_ERROR_CODES.network]: 'errors.network',
  [CLIENT_ERROR_CODES.invalidResponse]: 'errors.invalidResponse',
} as const;

type KnownCode = keyof typeof MESSAGE_KEYS;

function isKnownCode(code: string): code is KnownCode {
  return code in MESSAGE_KEYS;
}

/** One sentence a visitor can act on, in the interface language. */
export function describeError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (isKnownCode(error.code)) return t(MESSAGE_KEYS[error.code]);
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 429) return t('errors.rateLimited');
  if (error.status >= 500) return t('errors.server');
  return t('errors.unexpected');
}

/** The request id to quote when reporting a problem, if the server gave one. */
export function errorReference(error: unknown, t: TFunction): string | null {
  return isApiError(error) && error.requestId ? t('errors.reference', { requestId: error.requestId }) : null;
}

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}
