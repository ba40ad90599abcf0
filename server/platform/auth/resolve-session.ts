import type { Actor } from '../access/actor';
import type { Database } from '../db/database';
import { findActiveSession, listGrants, touchSession, type ActiveSession } from './auth.repository';
import { hashSessionToken, SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS } from './session-token';

export interface ResolvedSession {
  actor: Actor;
  session: (ActiveSession & { grants: Awaited<ReturnType<typeof listGrants>> }) | null;
}

/** Turns a session cookie into the acting user with their role grants; an unknown or expired token is anonymous. */
export async function resolveSession(db: Database, token: string | undefined): Promise<ResolvedSession> {
  if (!token) return { actor: { kind: 'anonymous' }, session: null };
  const tokenHash = hashSessionToken(token);
  const session = await findActiveSession(db.orm, tokenHash);
  if (!session) return { actor: { kind: 'anonymous' }, session: null };
  if (Date.now() - session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await touchSession(db.orm, tokenHash, new Date(Date.now() + SESSION_IDLE_MS));
  }
  const grants = await listGrants(db.orm, session.user.id);
  return {
    actor: {
      kind: 'user',
      userId: session.user.id,
      email: session.user.email,
      grants: grants.map(({ role, districtId, organizationId }) => ({ role, districtId, organizationId })),
    },
    session: { ...session, grants },
  };
}
