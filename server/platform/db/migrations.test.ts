import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { checksumOf, discoverMigrations, migrate, migrationStatus, MigrationError } from './migrations';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.destroy());

  it('applies every migration once and reports nothing pending', async () => {
    const status = await migrationStatus(db.pool);
    expect(status.pending).toEqual([]);
    expect(status.applied.map((m) => m.id)).toEqual(discoverMigrations().map((m) => m.id));
    expect(await migrate(db.pool)).toEqual([]);
  });

  it('refuses to start on an applied migration whose file was edited, naming it', async () => {
    const files = discoverMigrations();
    const edited = files.map((file, index) =>
      index === 0 ? { ...file, sql: `${file.sql}\n-- edited`, checksum: checksumOf(`${file.sql}\n-- edited`) } : file,
    );
    const first = files[0]!;
    await expect(migrate(db.pool, { files: edited })).rejects.toThrow(MigrationError);
    await expect(migrate(db.pool, { files: edited })).rejects.toThrow(new RegExp(`${first.path}.*edited after it was applied`));
    await expect(migrationStatus(db.pool, edited)).rejects.toThrow(/edited after it was applied/);
  });

  it('refuses when an applied migration file has disappeared', async () => {
    const files = discoverMigrations().slice(1);
    await expect(migrate(db.pool, { files })).rejects.toThrow(/recorded as applied but its file is missing/);
  });

  it('applies a new migration and rolls back a failing batch entirely', async () => {
    const files = discoverMigrations();
    const good = { id: '209901010000_test_good.sql', path: 'test/good.sql', sql: 'create table t_good (id int)', checksum: 'a' };
    const bad = { id: '209901010001_test_bad.sql', path: 'test/bad.sql', sql: 'create table t_bad (id nope)', checksum: 'b' };
    await expect(migrate(db.pool, { files: [...files, good, bad] })).rejects.toThrow(/test\/bad.sql failed/);
    const tables = await db.pool.query("select count(*) as n from information_schema.tables where table_name = 't_good'");
    expect(tables.rows[0].n).toBe(0);
    expect(await migrate(db.pool, { files: [...files, good] })).toEqual([good.id]);
  });

  it('keeps the audit log append-only at the database level', async () => {
    await db.pool.query(
      "insert into audit_log (actor_label, action, entity_type, entity_id) values ('t', 'test.write', 'test', '1')",
    );
    await expect(db.pool.query('update audit_log set action = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(db.pool.query('delete from audit_log')).rejects.toThrow(/append-only/);
  });

  it('returns the same JS types on both drivers (int8 → number, numeric → string, date → string)', async () => {
    const result = await db.pool.query(
      "select 42::int8 as big, 1.50::numeric as exact, date '2026-03-01' as day, timestamptz '2026-03-01T10:00:00Z' as at",
    );
    expect(result.rows[0]).toEqual({ big: 42, exact: '1.50', day: '2026-03-01', at: new Date('2026-03-01T10:00:00Z') });
  });
});

void MigrationError;
