import type { OrganizationRole } from '../../../common/domain/roles';
import type { DbExecutor } from '../db/database';
import { findUserByEmail, findUserById, insertGrant, insertUser } from './auth.repository';
import { assertStrongPassword, hashPassword } from './password';

/**
 * Named writes for the invitations module (a module may not touch the users table itself). The caller has already
 * checked the invitation token (the proof of the invitee) and records the audit entry in the same transaction.
 */
export async function findAccountByEmail(db: DbExecutor, email: string): Promise<{ id: string; email: string; isActive: boolean } | null> {
  const user = await findUserByEmail(db, email);
  return user ? { id: user.id, email: user.email, isActive: user.isActive } : null;
}

export async function findAccountById(db: DbExecutor, userId: string): Promise<{ id: string; email: string } | null> {
  const user = await findUserById(db, userId);
  return user ? { id: user.id, email: user.email } : null;
}

/** Checks the password policy and hashes the password, before any transaction is opened (scrypt is slow). */
export async function preparePassword(password: string, email: string, field = 'password'): Promise<string> {
  assertStrongPassword(password, field, { email });
  return hashPassword(password);
}

export async function createAccountFromInvitation(
  tx: DbExecutor,
  values: { email: string; displayName: string; passwordHash: string; locale: 'it' | 'en' },
): Promise<{ id: string; email: string }> {
  const user = await insertUser(tx, values);
  return { id: user.id, email: user.email };
}

/** Adds an organization role; null when the user already had it. */
export async function grantOrganizationRole(tx: DbExecutor, userId: string, role: OrganizationRole, organizationId: string): Promise<{ id: string } | null> {
  return insertGrant(tx, { userId, role, organizationId });
}
