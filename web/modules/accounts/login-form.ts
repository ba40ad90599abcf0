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

/** When a locked account (423 AUTH.LOCKED) may try again, if the server said so. */
export function lockedUntilOf(error: unknown): Date | null {
  if (!isApiError(error) || error.code !== 'AUTH.LOCKED') return null;
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('lockedUntil' in details)) return null;
  const value = (details as { lockedUntil: unknown }).lockedUntil;
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Only same-site paths are accepted as "where to go back to" after login (no open redirect). */
export function safeReturnPath(from: unknown, fallback = '/'): string {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/accedi')) return fallback;
  return from;
}
