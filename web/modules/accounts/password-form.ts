import type { PasswordProblem } from '../../../common/domain/password-policy';

export type NewPasswordProblem = PasswordProblem | 'mismatch' | 'required';

/**
 * The same rule as the server (common/domain/password-policy.ts), loaded on demand: the common-password list is a
 * few hundred kilobytes, fetched only by the pages that set a password.
 */
export async function checkNewPassword(password: string, confirmation: string, email?: string | null): Promise<NewPasswordProblem | null> {
  if (!password) return 'required';
  const { checkPassword } = await import('../../../common/domain/password-policy');
  const problem = checkPassword(password, { email });
  if (problem) return problem;
  return password === confirmation ? null : 'mismatch';
}

/** The server's reason for a refused password (422 USERS.WEAK_PASSWORD details.problem), when it gave one. */
export function passwordProblemOf(details: unknown): PasswordProblem | 'unchanged' | null {
  if (typeof details !== 'object' || details === null || !('problem' in details)) return null;
  const problem = (details as { problem: unknown }).problem;
  return problem === 'tooShort' || problem === 'tooLong' || problem === 'common' || problem === 'repetitive' || problem === 'unchanged' ? problem : null;
}
