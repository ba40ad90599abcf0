import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../common/domain/limits';
import { checkPassword, type PasswordProblem } from '../../../common/domain/password-policy';
import { AppError } from '../errors/app-error';

/**
 * scrypt from Node's own crypto (no native add-on to build): N=2^15, r=8, p=1 is the OWASP-recommended minimum,
 * ~32 MiB and ~50-100 ms per hash here. Parameters are stored with the hash so they can be raised later.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const maxmemFor = (N: number, r: number) => 256 * N * r;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...PARAMS, maxmem: maxmemFor(PARAMS.N, PARAMS.r) });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !keyText) return false;
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  const expected = Buffer.from(keyText, 'base64');
  const actual = await scrypt(password, Buffer.from(saltText, 'base64'), expected.length, {
    N,
    r: R,
    p: P,
    maxmem: maxmemFor(N, R),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password, so a login for an unknown e-mail costs the same time as for a known one. */
export const DUMMY_PASSWORD_HASH_PROMISE = hashPassword(randomBytes(16).toString('hex'));

const PROBLEM_TEXT: Record<PasswordProblem, string> = {
  tooShort: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: `must be at most ${PASSWORD_MAX_LENGTH} characters`,
  common: 'is a common or breached password; choose another one',
  repetitive: 'repeats the same few characters',
};

/** The password policy of common/domain/password-policy.ts (the web form applies the same): 422 naming the field. */
export function assertStrongPassword(password: string, field = 'password', context: { email?: string | null } = {}): void {
  const problem = checkPassword(password, context);
  if (problem) {
    throw new AppError('USERS.WEAK_PASSWORD', `${field} ${PROBLEM_TEXT[problem]}`, { fields: [{ path: field, message: PROBLEM_TEXT[problem] }], problem });
  }
}
