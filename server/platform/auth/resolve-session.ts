import type { Actor } from '../access/actor';
import type { SessionPolicy } from '../config/config';
import type { Database } from '../db/database';
import { findActiveSession, listGrants, touchSession, type ActiveSession } from './auth.repository';
import { absoluteMs, DEFAULT_SESSION_POLICY, hashSessionToken, idleMs, SESSION_TOUCH_INTERVAL_MS } from './session-token';

export interface ResolvedSession {
  actor: Actor;
  session: (ActiveSession & { grants: Awaited<ReturnType<typeof listGrants>> }) | null;
}

/**
 * Turns a session cookie into the acting user with their role grants. A token that is unknown, idle for longer than
 * the idle timeout, older than the absolute lifetime, or of a deactivated user is anonymous.
 */
export async function resolveSession(db: Database, token: string | undefined, policy: SessionPolicy = DEFAULT_SESSION_POLICY): Promise<ResolvedSession> {
  if (!token) return { actor: { kind: 'anonymous' }, session: null };
  const tokenHash = hashSessionToken(token);
  const now = Date.now();
  const session = await findActiveSession(db.orm, tokenHash, policy.absoluteHours, new Date(now));
  if (!session) return { actor: { kind: 'anonymous' }, session: null };
  if (now - session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    // The idle expiry moves forward, never past the absolute end.
    const absoluteEnd = session.createdAt.getTime() + absoluteMs(policy);
    await touchSession(db.orm, tokenHash, new Date(now), new Date(Math.min(now + idleMs(policy), absoluteEnd)));
  }
  const grants = await listGrants(db.orm, session.user.id);
  return {
    actor: {
      kind: 'user',
      userId: session.user.id,
      email: session.user.email,
      grants: grants.map(({ role, districtId, organizationId }) => ({ role, districtId, organizationId })),
      isRecentlyAuthenticated: now - session.authenticatedAt.getTime() <= policy.reauthenticationMinutes * 60_000,
    },
    session: { ...session, grants },
  };
}
