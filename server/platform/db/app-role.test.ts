import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { grantAppRole } from './app-role';

const serverUrl = process.env.DATABASE_URL;

/**
 * The app's role on PostgreSQL (ADR 0023): with the grants of `distretto db grant-app-role`, the role the app connects
 * with cannot change or remove audit entries, nor lift the append-only trigger, nor replay rows without triggers.
 * PostgreSQL only: PGlite is a single superuser session.
 */
describe.skipIf(!serverUrl)('the app role on PostgreSQL', () => {
  let db: TestDatabase;
  let app: pg.Pool;
  const role = `distretto_app_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(`create role ${role} login password '${password}'`);
    const url = new URL(serverUrl!);
    url.pathname = `/${(await db.pool.query('select current_database() as name')).rows[0].name}`;
    url.username = role;
    url.password = password;
    app = new pg.Pool({ connectionString: url.toString(), max: 1 });
    app.on('error', () => undefined);
  });
  afterAll(async () => {
    await app?.end();
    await db?.destroy();
    if (!serverUrl) return;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  it('refuses to grant the app role to the owner of the tables', async () => {
    const owner = (await db.pool.query('select current_user as name')).rows[0].name as string;
    await expect(grantAppRole(db.pool, owner)).rejects.toThrow(/superuser|owns the tables/);
  });

  it('refuses to run as a role that does not own the tables (PostgreSQL would only warn)', async () => {
    await expect(grantAppRole(app, role)).rejects.toThrow(/as the tables' owner/);
  });

  it('lets the app role read and write rows and append audit entries, chained', async () => {
    const granted = await grantAppRole(db.pool, role);
    expect(granted.tables).toBeGreaterThan(10);
    expect((await app.query('select rolsuper from pg_roles where rolname = current_user')).rows[0].rolsuper).toBe(false);
    await app.query("update app_settings set basemap_attribution = 'app role' where id = 1");
    await app.query("insert into audit_log (actor_label, action, entity_type, entity_id) values ('app', 'test.write', 'test', '1')");
    const last = (await app.query("select seq, hash from audit_log where action = 'test.write'")).rows[0];
    expect(last.seq).toBeGreaterThan(0);
    expect(last.hash).toHaveLength(32);
  });

  it('the app role cannot update, delete or truncate audit_log, touch the chain head, or disable the trigger', async () => {
    await expect(app.query("update audit_log set action = 'x'")).rejects.toThrow(/permission denied/);
    await expect(app.query('delete from audit_log')).rejects.toThrow(/permission denied/);
    await expect(app.query('truncate audit_log')).rejects.toThrow(/permission denied/);
    await expect(app.query('update audit_chain_head set seq = 0')).rejects.toThrow(/permission denied/);
    await expect(app.query('alter table audit_log disable trigger audit_log_append_only')).rejects.toThrow(/must be owner/);
    await expect(app.query('alter table audit_log disable trigger all')).rejects.toThrow(/must be owner/);
    await expect(app.query('set session_replication_role = replica')).rejects.toThrow(/permission denied/);
    await expect(app.query('drop trigger audit_log_append_only on audit_log')).rejects.toThrow(/must be owner/);
    const count = (await db.pool.query("select count(*)::int as n from audit_log where action = 'test.write'")).rows[0].n;
    expect(count).toBe(1);
  });
});
