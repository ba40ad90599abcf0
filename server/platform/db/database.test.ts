import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { isQueryTimeout } from './database';

describe('database connection', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ queryTimeoutMs: 1_500 });
  });
  afterAll(() => db.destroy());

  it('never hands a query the rows of another after a failed statement inside a transaction', async () => {
    // On PGlite's socket server a failed parameterised query leaves its connection one response behind
    // (electric-sql/pglite#958); such a connection must be discarded, not returned to the pool.
    for (let attempt = 0; attempt < 6; attempt++) {
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(sql`select ${attempt}::int / 0`);
        }),
      ).rejects.toMatchObject({ cause: { message: 'division by zero' } });
    }
    for (let n = 0; n < 20; n++) {
      const rows = await db.transaction(async (tx) => (await tx.execute<{ n: number }>(sql`select ${n}::int as n`)).rows);
      expect(rows).toEqual([{ n }]);
      const direct = await db.orm.execute<{ n: number }>(sql`select ${n + 100}::int as n`);
      expect(direct.rows).toEqual([{ n: n + 100 }]);
    }
  });

  it('keeps concurrent transactions and queries apart: each gets its own rows, none fails', async () => {
    // PGlite is one backend session behind its socket: with several connections, two transactions' unnamed statements
    // interleaved ("unnamed prepared statement does not exist", a row of another query). The embedded pool now has one
    // connection; on PostgreSQL these run truly in parallel.
    await db.orm.execute(sql`create table if not exists t_concurrent as select g as id, 'v' || g as v from generate_series(1, 200) g`);
    const read = async (executor: { execute: typeof db.orm.execute }, id: number) => {
      const result = await executor.execute<{ v: string }>(sql`select v from t_concurrent where id = any(${sql.param([id])}::int[])`);
      return result.rows[0]?.v;
    };
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.all([
        read(db.orm, round + 1),
        db.transaction(async (tx) => [await read(tx, round + 2), await read(tx, round + 3), await read(tx, round + 4)]),
        db.transaction(async (tx) => [await read(tx, round + 5), await read(tx, round + 6)]),
        read(db.orm, round + 7),
      ]);
      expect(answers).toEqual([`v${round + 1}`, [`v${round + 2}`, `v${round + 3}`, `v${round + 4}`], [`v${round + 5}`, `v${round + 6}`], `v${round + 7}`]);
    }
  });

  it('rolls back everything a failed transaction wrote', async () => {
    await db.orm.execute(sql`create table if not exists t_rollback (id int)`);
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into t_rollback values (1)`);
        await tx.execute(sql`insert into t_rollback values (${'not a number'}::int)`);
      }),
    ).rejects.toThrow();
    const rows = await db.orm.execute<{ n: number }>(sql`select count(*) as n from t_rollback`);
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('gives up on a query that runs past the time limit, recognisably', async () => {
    const startedAt = Date.now();
    const error = await db.orm.execute(sql`select pg_sleep(4)`).then(() => null, (caught: unknown) => caught);
    expect(isQueryTimeout(error)).toBe(true);
    expect(Date.now() - startedAt).toBeLessThan(3_500);
  });
});
