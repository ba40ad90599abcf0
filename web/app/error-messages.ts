import type { TFunction } from 'i18next';
import { isErrorCode, type ErrorCode } from '../../common/contracts/error-codes';
import { isFieldReason, type TFieldIssue } from '../../common/contracts/errors';
import { ApiError, CLIENT_ERROR_CODES, isApiError } from './api-client';

/** Where each declared code's text is (translation namespace, `errorCodes.SURVEYS.CLOSED`); tested for both languages. */
export function errorCodeKey(code: ErrorCode) {
  return `errorCodes.${code}` as const;
}

const CLIENT_MESSAGE_KEYS: Record<string, 'errors.network' | 'errors.invalidResponse'> = {
  [CLIENT_ERROR_CODES.network]: 'errors.network',
  [CLIENT_ERROR_CODES.invalidResponse]: 'errors.invalidResponse',
};

/** One sentence a visitor can act on, in the interface language; never the server's English message. */
export function describeError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (isErrorCode(error.code)) return t(errorCodeKey(error.code));
  const clientKey = CLIENT_MESSAGE_KEYS[error.code];
  if (clientKey) return t(clientKey);
  if (error.status === 404) return t('errorCodes.COMMON.NOT_FOUND');
  if (error.status === 403) return t('errorCodes.ACCESS.FORBIDDEN');
  if (error.status === 429) return t('errorCodes.COMMON.RATE_LIMITED');
  if (error.status >= 500) return t('errors.server');
  return t('errors.unexpected');
}

/** A field problem in the interface language when its reason is a known one, else as the server wrote it. */
export function describeFieldIssue(issue: TFieldIssue, t: TFunction): string {
  return isFieldReason(issue.reason) ? t(`fieldReasons.${issue.reason}`) : issue.message;
}

/** The problem the server found with one field (`name`, or `body.name`), if it named that field. */
export function fieldText(error: unknown, path: string, t: TFunction): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const issue = error.fields.find((field) => field.path === path || field.path === `body.${path}`);
  return issue ? describeFieldIssue(issue, t) : undefined;
}

/** The request id to quote when reporting a problem, if the server gave one. */
export function errorReference(error: unknown, t: TFunction): string | null {
  return isApiError(error) && error.requestId ? t('errors.reference', { requestId: error.requestId }) : null;
}

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}
