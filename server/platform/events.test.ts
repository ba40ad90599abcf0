import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineEvent, InvalidEventPayloadError, on, publishInTransaction } from './events';
import { registerSubscriptions, type ModuleManifest } from './module';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

// Events of this test only (the registry is per process): a thing counted, and one nobody subscribes to.
const THING_COUNTED = defineEvent('events-test.thing-counted', z.strictObject({
  thingId: z.guid(),
  count: z.int().min(0),
  note: z.string().trim().default(''),
}));
const NOBODY_LISTENS = defineEvent('events-test.nobody-listens', z.strictObject({ count: z.int() }));
const THING_ID = '00000000-0000-4000-8000-0000000000e1';

describe('typed in-process events', () => {
  let db: TestDatabase;
  const received: unknown[] = [];
  let failNext = false;

  /** A module keeping derived data about THING_COUNTED, as a manifest declares it. */
  const keeperModule: ModuleManifest = {
    name: 'events-test-keeper',
    ownsTables: [],
    subscriptions: [
      on(THING_COUNTED, async (tx, payload) => {
        // The handler's payload has the schema's parsed type: no cast.
        expectTypeOf(payload).toEqualTypeOf<{ thingId: string; count: number; note: string }>();
        received.push(payload);
        await tx.execute(sql`insert into events_test_counts (thing_id, count, note) values (${payload.thingId}, ${payload.count}, ${payload.note})`);
        if (failNext) throw new Error('subscriber failed');
      }),
    ],
  };

  const counts = async () =>
    (await db.orm.execute<{ thing_id: string; count: number; note: string }>(sql`select thing_id, count, note from events_test_counts order by count`)).rows;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    await db.orm.execute(sql`create table events_test_counts (thing_id uuid not null, count integer not null, note text not null)`);
    // Twice, as the composition root and createHttpServer both may: each handler is subscribed once.
    registerSubscriptions([keeperModule]);
    registerSubscriptions([keeperModule]);
  }, 120_000);
  afterAll(() => db.destroy());
  beforeEach(async () => {
    received.length = 0;
    failNext = false;
    await db.orm.execute(sql`delete from events_test_counts`);
  });

  it('hands each subscriber, once, the payload as the schema parsed it, in the publisher\'s transaction', async () => {
    await db.transaction((tx) => publishInTransaction(tx, THING_COUNTED, { thingId: THING_ID, count: 3, note: '  tre  ' }));
    await db.transaction((tx) => publishInTransaction(tx, THING_COUNTED, { thingId: THING_ID, count: 4 }));
    expect(received).toEqual([{ thingId: THING_ID, count: 3, note: 'tre' }, { thingId: THING_ID, count: 4, note: '' }]);
    expect(await counts()).toEqual([{ thing_id: THING_ID, count: 3, note: 'tre' }, { thing_id: THING_ID, count: 4, note: '' }]);
  });

  it('refuses at publish a payload its schema does not accept, naming the field, before any subscriber runs', async () => {
    const publishing = db.transaction(async (tx) => {
      await tx.execute(sql`insert into events_test_counts (thing_id, count, note) values (${THING_ID}, 99, 'the write')`);
      // @ts-expect-error the payload's type is the schema's input: a count is a number
      await publishInTransaction(tx, THING_COUNTED, { thingId: THING_ID, count: 'tre' });
    });
    await expect(publishing).rejects.toBeInstanceOf(InvalidEventPayloadError);
    await expect(publishing).rejects.toThrow(/events-test\.thing-counted.*count/);
    expect(received).toEqual([]);
    // The write that published it failed with it.
    expect(await counts()).toEqual([]);

    // Unknown fields and a negative count are refused too; an event nobody subscribes to is still checked.
    await expect(db.transaction((tx) =>
      publishInTransaction(tx, THING_COUNTED, { thingId: THING_ID, count: 1, extra: true } as never))).rejects.toThrow(/extra/);
    await expect(db.transaction((tx) =>
      publishInTransaction(tx, THING_COUNTED, { thingId: THING_ID, count: -1 }))).rejects.toBeInstanceOf(InvalidEventPayloadError);
    await expect(db.transaction((tx) =>
      publishInTransaction(tx, NOBODY_LISTENS, { count: 1.5 }))).rejects.toBeInstanceOf(InvalidEventPayloadError);
    await db.transaction((tx) => publishInTransaction(tx, NOBODY_LISTENS, { count: 2 }));
    expect(received).toEqual([]);
  });

  it('commits and rolls back the derived data with the write: a failing subscriber fails the write', async () => {
    failNext = true;
    await expect(db.transaction((tx) => publishInTransaction(tx, THING_COUNTED, { thingId: THING_ID, count: 5 }))).rejects.toThrow('subscriber failed');
    expect(received).toHaveLength(1);
    expect(await counts()).toEqual([]);

    failNext = false;
    await expect(db.transaction(async (tx) => {
      await publishInTransaction(tx, THING_COUNTED, { thingId: THING_ID, count: 6 });
      throw new Error('the write failed after publishing');
    })).rejects.toThrow('the write failed after publishing');
    expect(received).toHaveLength(2);
    expect(await counts()).toEqual([]);
  });
});
