import { ZLoginRequest } from '../../../common/contracts/auth';
import { isApiError } from '../../app/api-client';

export type LoginFieldProblem = 'required' | 'invalidEmail';

/** Checks the login fields with the same schema the server uses; returns one problem per field. */
export function validateLogin(email: string, password: string): { email?: LoginFieldProblem; password?: LoginFieldProblem } {
  const problems: { email?: LoginFieldProblem; password?: LoginFieldProblem } = {};
  if (!email.trim()) problems.email = 'required';
  else if (!ZLoginRequest.shape.email.safeParse(email.trim()).success) problems.email = 'invalidEmail';
  if (!password) problems.password = 'required';
  return problems;
}

/** How many seconds a throttled sign-in (429 AUTH.THROTTLED) must wait, if the server said so. */
export function retryAfterOf(error: unknown): number | null {
  if (!isApiError(error) || error.code !== 'AUTH.THROTTLED') return null;
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('retryAfterSeconds' in details)) return null;
  const value = (details as { retryAfterSeconds: unknown }).retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/** Whether the server asks for the authenticator code (the password was right). */
export function isTotpRequired(error: unknown): boolean {
  return isApiError(error) && error.code === 'AUTH.TOTP_REQUIRED';
}

/** Only same-site paths are accepted as "where to go back to" after login (no open redirect). */
export function safeReturnPath(from: unknown, fallback = '/'): string {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/accedi')) return fallback;
  return from;
}
