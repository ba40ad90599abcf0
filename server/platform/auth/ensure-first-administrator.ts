import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { systemActor } from '../access/actor';
import type { UseCaseContext } from '../use-case';
import { createUser } from './create-user';

export const FIRST_ADMIN_EMAIL = 'admin@distretto.local';
const PASSWORD_FILE = 'initial-admin-password.txt';

export interface FirstAdministrator {
  email: string;
  /** Where the generated password is kept for the operator (readable by the owner only). */
  passwordFile: string;
  isNew: boolean;
}

/**
 * On a database without any platform administrator, creates one with a random password and saves it in the data
 * folder, so the person who ran `npm start` can sign in — and nobody can with a password printed in a README.
 */
export async function ensureFirstAdministrator(context: UseCaseContext, dataDir: string): Promise<FirstAdministrator | null> {
  const passwordFile = join(dataDir, PASSWORD_FILE);
  const existing = await context.db.orm.execute<{ email: string }>(sql`
    select u.email from users u join role_grants g on g.user_id = u.id
    where g.role = 'platform_admin' order by u.created_at limit 1`);
  if (existing.rows[0]) {
    const email = existing.rows[0].email;
    const savedFor = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').split('\n')[0] : null;
    return savedFor === email ? { email, passwordFile, isNew: false } : null;
  }
  const password = randomBytes(12).toString('base64url');
  await createUser({ ...context, actor: systemActor('first-start') }, {
    email: FIRST_ADMIN_EMAIL,
    displayName: 'Amministratore',
    password,
    grants: [{ role: 'platform_admin' }],
  });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(passwordFile, `${FIRST_ADMIN_EMAIL}\n${password}\n`, { mode: 0o600 });
  return { email: FIRST_ADMIN_EMAIL, passwordFile, isNew: true };
}

export function readFirstAdministratorPassword(passwordFile: string): string | null {
  if (!existsSync(passwordFile)) return null;
  return readFileSync(passwordFile, 'utf8').split('\n')[1] ?? null;
}
