import type { Actor } from '../access/actor';
import type { DbExecutor } from '../db/database';
import { findUserByEmail, findUserById, listGrants } from './auth.repository';

/**
 * The actor an existing user is, with their current grants, for work done in their name outside a request (the demo
 * seed makes the demo coordinator's organization send a referral, which only its members may do). Null: no such user.
 */
export async function actorOfUser(db: DbExecutor, email: string): Promise<Actor | null> {
  const user = await findUserByEmail(db, email);
  return user ? actorWithGrants(db, user) : null;
}

/** The same by id, for an active user only (a calendar feed answers in its holder's name while they may read it). */
export async function actorOfUserId(db: DbExecutor, userId: string): Promise<Actor | null> {
  const user = await findUserById(db, userId);
  return user?.isActive ? actorWithGrants(db, user) : null;
}

async function actorWithGrants(db: DbExecutor, user: { id: string; email: string }): Promise<Actor> {
  const grants = await listGrants(db, user.id);
  return { kind: 'user', userId: user.id, email: user.email, grants: grants.map(({ role, districtId, organizationId }) => ({ role, districtId, organizationId })) };
}
