import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { DbExecutor } from '../db/database';
import type { RoleGrant } from '../access/actor';
import { passwordResetTokens, roleGrants, sessions, userRecoveryCodes, users, userTotp } from './auth.schema';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: DbExecutor, email: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return rows[0] ?? null;
}

/** The language each address's account reads (lower-cased address → locale); addresses of no account are absent. */
export async function selectLocalesByEmail(db: DbExecutor, emails: string[]): Promise<Map<string, 'it' | 'en'>> {
  if (emails.length === 0) return new Map();
  const lowered = [...new Set(emails.map((email) => email.toLowerCase()))];
  const rows = await db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(sql`lower(${users.email}) in (${sql.join(lowered.map((email) => sql`${email}`), sql`, `)})`);
  return new Map(rows.map((row) => [row.email.toLowerCase(), row.locale]));
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

/**
 * A session's times are all the application's clock (`now`), never SQL's now(): the session is judged in the
 * application (idle, absolute and re-authentication limits), and a database server whose clock differs from the
 * application's must not cut a session short or make a password just entered look old.
 */
export async function insertSession(
  db: DbExecutor,
  values: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date; userAgent: string | null; ipAddress: string | null; now: Date },
): Promise<void> {
  const { now, ...row } = values;
  await db.insert(sessions).values({ ...row, createdAt: now, lastSeenAt: now, authenticatedAt: now });
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
  createdAt: Date;
  authenticatedAt: Date;
  user: Pick<UserRow, 'id' | 'email' | 'displayName' | 'locale'> & { hasTotp: boolean };
}

export async function findActiveSession(db: DbExecutor, tokenHash: string, absoluteHours: number, now: Date): Promise<ActiveSession | null> {
  const rows = await db
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      createdAt: sessions.createdAt,
      authenticatedAt: sessions.authenticatedAt,
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      hasTotp: sql<boolean>`exists (select 1 from user_totp t where t.user_id = ${users.id} and t.confirmed_at is not null)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        gt(sessions.createdAt, new Date(now.getTime() - absoluteHours * 3_600_000)),
        eq(users.isActive, true),
      ),
    )
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return {
    tokenHash: row.tokenHash,
    csrfToken: row.csrfToken,
    lastSeenAt: row.lastSeenAt,
    createdAt: row.createdAt,
    authenticatedAt: row.authenticatedAt,
    user: { id: row.id, email: row.email, displayName: row.displayName, locale: row.locale, hasTotp: row.hasTotp },
  };
}

export async function touchSession(db: DbExecutor, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
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

/** The password (or code) was proven again in this session: sensitive acts are allowed for a while. */
export async function markSessionAuthenticated(db: DbExecutor, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ authenticatedAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteOtherSessionsOfUser(db: DbExecutor, userId: string, keepTokenHash: string | null): Promise<number> {
  const condition = keepTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)) : eq(sessions.userId, userId);
  const rows = await db.delete(sessions).where(condition).returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

export async function updatePasswordHash(db: DbExecutor, userId: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
}

export async function insertPasswordResetToken(db: DbExecutor, values: { userId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
  await db.insert(passwordResetTokens).values(values);
}

/** Marks a reset token used, in one statement, only if it is unused, unexpired and its user active: single use. */
export async function consumePasswordResetToken(db: DbExecutor, tokenHash: string): Promise<{ userId: string; email: string } | null> {
  const result = await db.execute<{ user_id: string; email: string }>(sql`
    update password_reset_tokens t set used_at = now()
    from users u
    where t.token_hash = ${tokenHash} and t.used_at is null and t.expires_at > now() and u.id = t.user_id and u.is_active
    returning t.user_id, u.email`);
  const row = result.rows[0];
  return row ? { userId: row.user_id, email: row.email } : null;
}

export async function findUsablePasswordResetToken(db: DbExecutor, tokenHash: string): Promise<{ email: string } | null> {
  const result = await db.execute<{ email: string }>(sql`
    select u.email from password_reset_tokens t join users u on u.id = t.user_id
    where t.token_hash = ${tokenHash} and t.used_at is null and t.expires_at > now() and u.is_active`);
  return result.rows[0] ?? null;
}

/** Any other link sent to the user stops working once one was used. */
export async function expireUnusedResetTokens(db: DbExecutor, userId: string): Promise<void> {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}

export interface UserListRow {
  id: string;
  email: string;
  displayName: string;
  isActive: boolean;
  version: number;
  createdAt: Date;
  hasTotp: boolean;
}

export async function selectUsers(db: DbExecutor, filter: { q: string | null; limit: number; offset: number }): Promise<{ rows: UserListRow[]; total: number }> {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const condition = pattern ? sql`where u.email ilike ${pattern} or u.display_name ilike ${pattern}` : sql``;
  const result = await db.execute<{ id: string; email: string; display_name: string; is_active: boolean; version: number; created_at: Date; has_totp: boolean; total: number }>(sql`
    select u.id, u.email, u.display_name, u.is_active, u.version, u.created_at,
           exists (select 1 from user_totp t where t.user_id = u.id and t.confirmed_at is not null) as has_totp,
           count(*) over ()::int as total
    from users u ${condition}
    order by lower(u.display_name), u.email
    limit ${filter.limit} offset ${filter.offset}`);
  return {
    rows: result.rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, isActive: r.is_active, version: r.version, createdAt: new Date(r.created_at), hasTotp: r.has_totp })),
    total: result.rows[0]?.total ?? 0,
  };
}

export async function selectGrantById(db: DbExecutor, grantId: string): Promise<(typeof roleGrants.$inferSelect) | null> {
  const rows = await db.select().from(roleGrants).where(eq(roleGrants.id, grantId)).limit(1);
  return rows[0] ?? null;
}

export async function deleteGrant(db: DbExecutor, grantId: string): Promise<void> {
  await db.delete(roleGrants).where(eq(roleGrants.id, grantId));
}

/**
 * Active platform administrators, rows locked: two administrators revoking each other at the same moment cannot
 * both pass the "not the last one" check.
 */
export async function lockActivePlatformAdministrators(db: DbExecutor): Promise<string[]> {
  const result = await db.execute<{ user_id: string }>(sql`
    select g.user_id from role_grants g join users u on u.id = g.user_id
    where g.role = 'platform_admin' and u.is_active
    for update of g`);
  return result.rows.map((r) => r.user_id);
}

export async function setUserActive(db: DbExecutor, userId: string, isActive: boolean): Promise<void> {
  await db
    .update(users)
    .set({ isActive, deactivatedAt: isActive ? null : sql`now()`, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
}

/** Whether the district or organization a scoped grant names exists (role_grants has no foreign key to them). */
export async function scopeExists(db: DbExecutor, scope: { districtId?: string | null; organizationId?: string | null }): Promise<boolean> {
  const result = scope.districtId
    ? await db.execute<{ found: boolean }>(sql`select exists (select 1 from districts where id = ${scope.districtId}) as found`)
    : await db.execute<{ found: boolean }>(sql`select exists (select 1 from organizations where id = ${scope.organizationId ?? null}) as found`);
  return result.rows[0]!.found;
}

export type TotpRow = typeof userTotp.$inferSelect;

export async function findTotp(db: DbExecutor, userId: string): Promise<TotpRow | null> {
  const rows = await db.select().from(userTotp).where(eq(userTotp.userId, userId)).limit(1);
  return rows[0] ?? null;
}

/** A new, unconfirmed secret replaces any earlier unconfirmed one. */
export async function saveUnconfirmedTotp(db: DbExecutor, userId: string, secret: string): Promise<void> {
  await db
    .insert(userTotp)
    .values({ userId, secret })
    .onConflictDoUpdate({ target: userTotp.userId, set: { secret, confirmedAt: null, lastCounter: null, createdAt: sql`now()` } });
}

export async function confirmTotp(db: DbExecutor, userId: string, counter: number): Promise<void> {
  await db.update(userTotp).set({ confirmedAt: sql`now()`, lastCounter: counter }).where(eq(userTotp.userId, userId));
}

/** Records the time step a code was accepted for; false when it (or a later one) was already used: no replay. */
export async function advanceTotpCounter(db: DbExecutor, userId: string, counter: number): Promise<boolean> {
  const rows = await db
    .update(userTotp)
    .set({ lastCounter: counter })
    .where(and(eq(userTotp.userId, userId), sql`(${userTotp.lastCounter} is null or ${userTotp.lastCounter} < ${counter})`))
    .returning({ userId: userTotp.userId });
  return rows.length === 1;
}

export async function deleteTotp(db: DbExecutor, userId: string): Promise<void> {
  await db.delete(userTotp).where(eq(userTotp.userId, userId));
  await db.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
}

export async function replaceRecoveryCodes(db: DbExecutor, userId: string, codeHashes: string[]): Promise<void> {
  await db.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  if (codeHashes.length) await db.insert(userRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Uses a recovery code once: true when an unused code with this hash existed and is now spent. */
export async function consumeRecoveryCode(db: DbExecutor, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(userRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(userRecoveryCodes.userId, userId), eq(userRecoveryCodes.codeHash, codeHash), isNull(userRecoveryCodes.usedAt)))
    .returning({ id: userRecoveryCodes.id });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: DbExecutor, userId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  return rows[0]?.n ?? 0;
}

export async function selectGrantsOfUsers(db: DbExecutor, userIds: string[]) {
  if (userIds.length === 0) return [];
  const result = await db.execute<{ id: string; user_id: string; role: RoleGrant['role']; district_id: string | null; organization_id: string | null; scope_name: string | null }>(sql`
    select g.id, g.user_id, g.role, g.district_id, g.organization_id, coalesce(d.name, o.short_name, o.legal_name) as scope_name
    from role_grants g
    left join districts d on d.id = g.district_id
    left join organizations o on o.id = g.organization_id
    where g.user_id in (${sql.join(userIds.map((id) => sql`${id}::uuid`), sql`, `)})
    order by g.created_at`);
  return result.rows;
}


/**
 * An organization merge moves the merged organization's grants to the kept one; a grant the kept organization already
 * gives the same person would collide with role_grants_unique, so that copy is dropped. Returns how many grants
 * named the merged organization.
 */
export async function moveOrganizationGrants(db: DbExecutor, mergedOrganizationId: string, keptOrganizationId: string): Promise<number> {
  const before = await db.execute<{ n: number }>(sql`select count(*)::int as n from role_grants where organization_id = ${mergedOrganizationId}`);
  await db.execute(sql`
    delete from role_grants s where s.organization_id = ${mergedOrganizationId}
      and exists (select 1 from role_grants k where k.organization_id = ${keptOrganizationId} and k.user_id = s.user_id and k.role = s.role)`);
  await db.execute(sql`update role_grants set organization_id = ${keptOrganizationId} where organization_id = ${mergedOrganizationId}`);
  return before.rows[0]!.n;
}

/** The sign-in addresses of each organization's administrators and members (organization id → addresses, sorted). */
export async function selectOrganizationPeopleEmails(db: DbExecutor, organizationIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (organizationIds.length === 0) return map;
  const result = await db.execute<{ organization_id: string; emails: string[] }>(sql`
    select g.organization_id, array_agg(distinct u.email order by u.email) as emails
    from role_grants g join users u on u.id = g.user_id
    where g.organization_id = any(${sql.param(organizationIds)}::uuid[]) and g.role in ('organization_admin', 'organization_member')
    group by g.organization_id`);
  for (const row of result.rows) map.set(row.organization_id, row.emails);
  return map;
}

/** Sets a user's language; the old one, or null when there is no such user. */
export async function updateUserLocale(db: DbExecutor, userId: string, locale: 'it' | 'en'): Promise<{ before: 'it' | 'en' } | null> {
  const [before] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
  if (!before) return null;
  await db
    .update(users)
    .set({ locale, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
  return { before: before.locale };
}
