import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { discoverMigrations, migrate } from '../db/migrations';
import { createTestDatabase } from '../testing/test-database';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../testing/test-app';
// The chain does not care what an entry says: these tests record made-up actions ('test.write'), cast on purpose.
import type { AuditAction } from '../../../common/contracts/audit-action-catalog';
import { recordAudit } from './audit';
import { verifyAuditChain } from './verify-audit-chain';

const CHAIN_MIGRATION = '202612051300_audit_kinds_and_chain.sql';

/** The audit log's hash chain (ADR 0023): computed by the database, verified by `distretto audit verify`. */
describe('audit hash chain', () => {
  let t: TestApp;
  let admin: SignedIn;
  let evaluator: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email);
    evaluator = await signIn(t.app, (await createTestUser(t.system, [{ role: 'evaluator' }])).email);
  });
  afterAll(() => t.close());

  /** Tampering as a superuser would: lifting the append-only trigger for one statement. */
  async function tamper(statement: string, parameters: unknown[] = [], db: Database = t.db): Promise<void> {
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await client.query('alter table audit_log disable trigger audit_log_append_only');
      await client.query(statement, parameters);
      await client.query('alter table audit_log enable trigger audit_log_append_only');
      await client.query('commit');
    } finally {
      client.release();
    }
  }

  it('chains every entry: seq 1, 2, … each with the previous hash, whatever seq or hash the insert carried', async () => {
    await t.db.pool.query(
      "insert into audit_log (actor_label, action, entity_type, entity_id, seq, prev_hash, hash) values ('forger', 'test.write', 'test', '1', 999, '\\x00', '\\x00')",
    );
    const rows = (await t.db.pool.query('select seq, prev_hash, hash from audit_log order by seq')).rows as { seq: number; prev_hash: Buffer; hash: Buffer }[];
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    rows.forEach((row, index) => {
      expect(row.hash).toHaveLength(32);
      if (index > 0) expect(row.prev_hash.equals(rows[index - 1]!.hash)).toBe(true);
    });
    expect((await verifyAuditChain(t.system)).ok).toBe(true);
  });

  it('chains concurrent writers in order (each insert waits for the previous link)', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        t.db.transaction((tx) => recordAudit(tx, t.system, { action: 'test.concurrent' as AuditAction, entityType: 'test', entityId: String(index) })),
      ),
    );
    const result = await verifyAuditChain(t.system);
    expect(result).toMatchObject({ ok: true, brokenAt: null });
  });

  it('POST /api/audit/verify answers OK to an administrator, 403 to anyone else (and logs the refusal)', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: admin.writeHeaders });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, brokenAt: null });
    expect(ok.json().headHash).toMatch(/^[0-9a-f]{64}$/);
    const refused = await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: { ...evaluator.writeHeaders, 'user-agent': 'probe/1.0' } });
    expect(refused.statusCode).toBe(403);
    const logged = await t.db.pool.query(
      "select kind, action, host(source_ip) as ip, user_agent, after->>'route' as route from audit_log where kind = 'refused' order by seq desc limit 1",
    );
    expect(logged.rows[0]).toMatchObject({ kind: 'refused', action: 'access.refuse-request', ip: '127.0.0.1', user_agent: 'probe/1.0', route: '/api/audit/verify' });
  });

  it('audit verify finds an edited entry (altered at its seq)', async () => {
    const target = (await t.db.pool.query("select seq from audit_log where action = 'test.concurrent' order by seq limit 1")).rows[0].seq as number;
    await tamper("update audit_log set entity_id = 'edited' where seq = $1", [target]);
    expect(await verifyAuditChain(t.system)).toMatchObject({ ok: false, brokenAt: { seq: String(target), reason: 'altered' } });
    // Recomputing the edited entry's own hash moves the break to the next link.
    await tamper('update audit_log as a set hash = audit_log_entry_hash(a) where seq = $1', [target]);
    expect(await verifyAuditChain(t.system)).toMatchObject({ ok: false, brokenAt: { seq: String(target + 1), reason: 'relinked' } });
  });

  it('audit verify finds a deleted entry (missing at its seq) and a deleted tail', async () => {
    const db = await createTestDatabase();
    try {
      const context = { ...t.system, db };
      for (let index = 0; index < 5; index++) {
        await db.transaction((tx) => recordAudit(tx, context, { action: 'test.write' as AuditAction, entityType: 'test', entityId: String(index) }));
      }
      expect((await verifyAuditChain(context)).ok).toBe(true);
      const last = (await db.pool.query('select max(seq) as n from audit_log')).rows[0].n as number;
      await tamper('delete from audit_log where seq = $1', [last], db);
      expect(await verifyAuditChain(context)).toMatchObject({ ok: false, brokenAt: { seq: String(last), reason: 'tail-missing' } });
      await tamper('delete from audit_log where seq = 2', [], db);
      expect(await verifyAuditChain(context)).toMatchObject({ ok: false, brokenAt: { seq: '2', reason: 'missing' } });
    } finally {
      await db.destroy();
    }
  });

  it('backfills the chain over entries written before it existed', async () => {
    const db = await createTestDatabase({ migrate: false });
    try {
      const files = discoverMigrations();
      const before = files.filter((file) => file.id < CHAIN_MIGRATION);
      await migrate(db.pool, { files: before });
      for (const id of ['a', 'b', 'c']) {
        await db.pool.query("insert into audit_log (actor_label, action, entity_type, entity_id) values ('old', 'test.write', 'test', $1)", [id]);
      }
      await migrate(db.pool, { files });
      const rows = (await db.pool.query('select entity_id, seq from audit_log order by id')).rows;
      expect(rows).toEqual([{ entity_id: 'a', seq: 1 }, { entity_id: 'b', seq: 2 }, { entity_id: 'c', seq: 3 }]);
      await db.pool.query("insert into audit_log (actor_label, action, entity_type, entity_id) values ('new', 'test.write', 'test', 'd')");
      expect(await verifyAuditChain({ ...t.system, db })).toMatchObject({ ok: true, checkedEntries: 4, headSeq: '4' });
    } finally {
      await db.destroy();
    }
  });
});
