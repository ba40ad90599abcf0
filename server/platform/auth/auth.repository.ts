import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbExecutor } from '../db/database';
import type { RoleGrant } from '../access/actor';
import { roleGrants, sessions, users } from './auth.schema';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: DbExecutor, email: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: DbExecutor, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertUser(
  db: DbExecutor,
  values: { email: string; displayName: string; passwordHash: string; locale: 'it' | 'en' },
): Promise<UserRow> {
  const rows = await db.insert(users).values(values).returning();
  return rows[0]!;
}

export async function recordFailedLogin(
  db: DbExecutor,
  userId: string,
  maxAttempts: number,
  lockoutMinutes: number,
): Promise<{ failedLoginCount: number; lockedUntil: Date | null }> {
  // One statement, so two concurrent wrong passwords both count.
  const rows = await db
    .update(users)
    .set({
      failedLoginCount: sql`${users.failedLoginCount} + 1`,
      lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${maxAttempts}
        then now() + make_interval(mins => ${lockoutMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLoginCount: users.failedLoginCount, lockedUntil: users.lockedUntil });
  return rows[0]!;
}

export async function clearFailedLogins(db: DbExecutor, userId: string): Promise<void> {
  await db.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function insertSession(
  db: DbExecutor,
  values: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date; userAgent: string | null; ipAddress: string | null },
): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function deleteSession(db: DbExecutor, tokenHash: string): Promise<{ userId: string } | null> {
  const rows = await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).returning({ userId: sessions.userId });
  return rows[0] ?? null;
}

export async function deleteSessionsOfUser(db: DbExecutor, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

export interface ActiveSession {
  tokenHash: string;
  csrfToken: string;
  lastSeenAt: Date;
  user: Pick<UserRow, 'id' | 'email' | 'displayName' | 'locale'>;
}

export async function findActiveSession(db: DbExecutor, tokenHash: string): Promise<ActiveSession | null> {
  const rows = await db
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), eq(users.isActive, true)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return {
    tokenHash: row.tokenHash,
    csrfToken: row.csrfToken,
    lastSeenAt: row.lastSeenAt,
    user: { id: row.id, email: row.email, displayName: row.displayName, locale: row.locale },
  };
}

export async function touchSession(db: DbExecutor, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: sql`now()`, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function listGrants(db: DbExecutor, userId: string): Promise<(RoleGrant & { scopeName: string | null })[]> {
  const result = await db.execute<{ role: RoleGrant['role']; district_id: string | null; organization_id: string | null; scope_name: string | null }>(sql`
    select g.role, g.district_id, g.organization_id, coalesce(d.name, o.short_name, o.legal_name) as scope_name
    from role_grants g
    left join districts d on d.id = g.district_id
    left join organizations o on o.id = g.organization_id
    where g.user_id = ${userId}
    order by g.created_at`);
  return result.rows.map((row) => ({
    role: row.role,
    districtId: row.district_id,
    organizationId: row.organization_id,
    scopeName: row.scope_name,
  }));
}

export async function insertGrant(
  db: DbExecutor,
  values: { userId: string; role: RoleGrant['role']; districtId?: string | null; organizationId?: string | null },
): Promise<{ id: string } | null> {
  const rows = await db
    .insert(roleGrants)
    .values({ ...values, districtId: values.districtId ?? null, organizationId: values.organizationId ?? null })
    .onConflictDoNothing()
    .returning({ id: roleGrants.id });
  return rows[0] ?? null; // null: the user already had this grant
}

export async function countUsers(db: DbExecutor): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return rows[0]?.n ?? 0;
}
