import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, systemActor, type Actor } from '../../platform/access/actor';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import type { UseCaseContext } from '../../platform/use-case';
import { getReconciliationReport } from './get-reconciliation-report';
import { importTerritory, type TerritoryImportPhase } from './import-territory';
import { loadTerritoryIfEmpty } from './load-territory-if-empty';

const member: Actor = {
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'member@example.org',
  grants: [{ role: 'organization_admin', districtId: null, organizationId: '00000000-0000-4000-8000-000000000002' }],
};

/** A fingerprint of every territory row, to compare whole states. */
async function territoryState(db: TestDatabase): Promise<string> {
  const result = await db.pool.query<{ state: string }>(`
    select md5(
      (select string_agg(r::text, '|' order by code) from regions r) ||
      (select string_agg(p::text, '|' order by code) from provinces p) ||
      (select string_agg(m::text, '|' order by istat_code) from municipalities m)) as state`);
  return result.rows[0]!.state;
}

describe('importTerritory (Piemonte)', () => {
  let db: TestDatabase;
  let context: UseCaseContext;
  beforeAll(async () => {
    db = await createTestDatabase();
    context = { actor: systemActor('test'), db, requestId: 'req-1' };
  });
  afterAll(() => db.destroy());

  it('answers 409 TERRITORY.NOT_LOADED for the report before any import', async () => {
    await expect(getReconciliationReport({ ...context, actor: ANONYMOUS })).rejects.toMatchObject({
      code: 'TERRITORY.NOT_LOADED',
      status: 409,
    });
  });

  it('refuses anyone but platform administrators and the CLI', async () => {
    await expect(importTerritory({ ...context, actor: ANONYMOUS }, { regions: ['01'] })).rejects.toMatchObject({ status: 401 });
    await expect(importTerritory({ ...context, actor: member }, { regions: ['01'] })).rejects.toMatchObject({
      code: 'ACCESS.FORBIDDEN',
    });
    await expect(loadTerritoryIfEmpty({ ...context, actor: member })).rejects.toMatchObject({ code: 'ACCESS.FORBIDDEN' });
  });

  it('names the field when a region code is wrong', async () => {
    await expect(importTerritory(context, { regions: ['1'] })).rejects.toMatchObject({ code: 'COMMON.VALIDATION' });
    await expect(importTerritory(context, { regions: ['21'] })).rejects.toThrow(/regions: no municipalities in region 21/);
  });

  it('loads Piemonte on an empty database: 1 region, 8 provinces, 1,180 municipalities', async () => {
    const progress: [number, number, TerritoryImportPhase][] = [];
    const report = await loadTerritoryIfEmpty(context, {
      regions: ['01'],
      onProgress: (done, total, phase) => progress.push([done, total, phase]),
    });
    // The 2026 list: 1,178 municipalities have a 2023 boundary; Moransengo-Tonengo (born 2023) has none, nor do its
    // predecessors in the 2023 boundaries; Miagliano's boundary is empty.
    expect(report).toMatchObject({ regions: 1, provinces: 8, municipalities: 1180, withBoundary: 1178 });
    expect(report!.reconciliation.map((item) => [item.istatCode, item.presentIn])).toEqual([
      ['005122', 'list_only'],
      ['096034', 'both_without_geometry'],
    ]);
    expect(progress.at(-1)).toEqual([1180, 1180, 'writing']);
    expect(new Set(progress.map(([, , phase]) => phase))).toEqual(new Set(['reading', 'shaping', 'writing']));

    const counts = await db.pool.query(`
      select (select count(*) from regions) as regions, (select count(*) from provinces) as provinces,
             (select count(*) from municipalities) as municipalities,
             (select count(*) from municipalities where point_lat is not null) as with_point`);
    expect(counts.rows[0]).toEqual({ regions: 1, provinces: 8, municipalities: 1180, with_point: 1178 });
  });

  it('does nothing at start-up once municipalities are loaded', async () => {
    expect(await loadTerritoryIfEmpty(context, { regions: ['01'] })).toBeNull();
  });

  it('is idempotent: a re-import leaves the same rows and gives the same report', async () => {
    const before = await territoryState(db);
    const first = await getReconciliationReport(context);
    const again = await importTerritory(context, { regions: ['01'] });
    expect(await territoryState(db)).toBe(before);
    const { importedAt: _first, ...firstRest } = first;
    const { importedAt: _again, ...againRest } = again;
    expect(againRest).toEqual(firstRest);
    expect(Date.parse(again.importedAt)).toBeGreaterThanOrEqual(Date.parse(first.importedAt));
    expect(await getReconciliationReport(context)).toEqual(again);
  });

  it('records one audit entry per import, with the counts after it', async () => {
    const audit = await db.pool.query(
      "select actor_label, entity_type, before, after, request_id from audit_log where action = 'territory.import-territory' order by id",
    );
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows[0]).toMatchObject({
      actor_label: 'system:test',
      entity_type: 'territory_import',
      request_id: 'req-1',
      before: { regions: 0, provinces: 0, municipalities: 0, withBoundary: 0 },
      after: { regions: 1, provinces: 8, municipalities: 1180, withBoundary: 1178, scope: ['01'], reconciliationItems: 2 },
    });
    expect(audit.rows[1].before).toEqual({ regions: 1, provinces: 8, municipalities: 1180, withBoundary: 1178 });
  });

  it('rolls back entirely when the import fails half-way', async () => {
    const before = await territoryState(db);
    // Lombardia is written in four batches; failing after the first must leave nothing of it behind.
    const failAfterFirstBatch = (done: number, _total: number, phase: TerritoryImportPhase) => {
      if (phase === 'writing' && done > 0) throw new Error('interrupted');
    };
    await expect(importTerritory(context, { regions: ['03'], onProgress: failAfterFirstBatch })).rejects.toThrow('interrupted');
    expect(await territoryState(db)).toBe(before);
    const regions = await db.pool.query('select code from regions order by code');
    expect(regions.rows).toEqual([{ code: '01' }]);
    const audit = await db.pool.query("select count(*)::int as n from audit_log where action = 'territory.import-territory'");
    expect(audit.rows[0].n).toBe(2);
  });
});
