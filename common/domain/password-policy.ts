import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits';

/**
 * The password rule of ASVS 5 (V2.1 / V6.2): at least PASSWORD_MIN_LENGTH characters, at most PASSWORD_MAX_LENGTH,
 * not a known common or breached password, and never composition rules ("one digit, one symbol"), which make
 * passwords harder to remember without making them harder to guess. The list is zxcvbn-ts' maintained common
 * passwords (~49,000 from breach corpora), shipped as a dependency: no network call, same answer in the browser
 * (which loads this file as its own chunk) and on the server.
 */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'repetitive';

let commonPasswords: Set<string> | null = null;
function isCommonPassword(candidate: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common']);
  return commonPasswords.has(candidate);
}

/** Length in user-perceived characters (code points), so an accented letter or an emoji counts once. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** The first problem the password has under the policy, or null when it is acceptable. */
export function checkPassword(password: string, context: { email?: string | null } = {}): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'tooLong';
  const folded = password.normalize('NFKC').toLowerCase();
  // The list holds lower-case entries; a capital first letter or a trailing "!" does not make one safe.
  const core = folded.replace(/[\s!?.,;:_\-*#@$%&]+$/u, '');
  if (isCommonPassword(folded) || isCommonPassword(core)) return 'common';
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && folded.replace(/[^\p{L}\p{N}]/gu, '') === localPart.replace(/[^\p{L}\p{N}]/gu, '')) return 'common';
  // "aaaaaaaaaaaa", "abababababab": long but guessed in the first seconds of any attack.
  if (new Set(folded).size < 4) return 'repetitive';
  return null;
}
