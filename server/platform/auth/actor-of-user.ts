import type { Actor } from '../access/actor';
import type { DbExecutor } from '../db/database';
import { findUserByEmail, listGrants } from './auth.repository';

/**
 * The actor an existing user is, with their current grants, for work done in their name outside a request (the demo
 * seed makes the demo coordinator's organization send a referral, which only its members may do). Null: no such user.
 */
export async function actorOfUser(db: DbExecutor, email: string): Promise<Actor | null> {
  const user = await findUserByEmail(db, email);
  if (!user) return null;
  const grants = await listGrants(db, user.id);
  return { kind: 'user', userId: user.id, email: user.email, grants: grants.map(({ role, districtId, organizationId }) => ({ role, districtId, organizationId })) };
}
