import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTerritoryImportReport } from '../common/contracts/territory';
import { MODULES, seedDemo } from './app';
import { importTerritory, loadTerritoryFixture } from './modules/territory';
import { createTestApp, type TestApp } from './platform/testing/test-app';

/**
 * Upgrading an installation that holds suppressed municipality codes (issue 13): the territory import loads the new
 * list, then every module moves its own rows to the successors through its manifest hook, audited; rows whose code
 * has no derivable successor are kept and reported. The demo district gives every module rows; the test points some
 * of them at Moransengo (005079) and Tonengo (005110), merged into Moransengo-Tonengo (005122) on 1 Jan 2023, and at
 * a Piemonte code that ceased with no derivable successor, as an installation loaded with the 2020 list would.
 */
describe('a territory import moves every module’s rows from suppressed codes through its manifest hook', () => {
  let t: TestApp;
  let report: TTerritoryImportReport;
  let ceasedCode: string;
  let references: { table: string; column: string }[];
  const orgId = async (name: string) => (await t.db.pool.query('select id from organizations where legal_name = $1', [name])).rows[0].id as string;
  let movedOrganizationId: string;
  let keptOrganizationId: string;
  let movedNeedId: string;
  let folding: { zoning_id: string; zone_id: string };
  let conflicting: { zoning_id: string; zone_id: string };

  beforeAll(async () => {
    t = await createTestApp(MODULES);
    await loadTerritoryFixture(t.db);
    await seedDemo(t.system, () => undefined);
    const q = (text: string, values: unknown[] = []) => t.db.pool.query(text, values);

    // The old list's municipalities, as a 2020 installation holds them.
    ceasedCode = (await q(`select suppressed_code from municipality_code_variations
      where successor_code is null and province_code = '001' order by ceased_on desc nulls last, suppressed_code limit 1`)).rows[0].suppressed_code;
    await q(`insert into municipalities (istat_code, name, name_folded, province_code, population)
      values ('005079', 'Moransengo', 'moransengo', '005', 212), ('005110', 'Tonengo', 'tonengo', '005', 197),
             ($1, 'Soppresso', 'soppresso', '001', 100)`, [ceasedCode]);

    references = (await q(`
      select c.conrelid::regclass::text as table, a.attname as column from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid = 'municipalities'::regclass order by 1, 2`)).rows;

    movedOrganizationId = await orgId('Consorzio dei servizi sociali del Pinerolese (demo)');
    keptOrganizationId = await orgId('Meccanica Chisone S.r.l. (demo)');
    await q(`update organizations set municipality_code = '005079' where id = $1`, [movedOrganizationId]);
    await q(`update organizations set municipality_code = $1 where id = $2`, [ceasedCode, keptOrganizationId]);
    movedNeedId = (await q(`update needs set municipality_code = '005110' where id = (select id from needs order by id limit 1) returning id`)).rows[0].id;
    // Both predecessors in one district's area fold into one row of the successor.
    const districtId = (await q('select id from districts where is_demo limit 1')).rows[0].id;
    await q(`insert into district_municipalities (district_id, municipality_code) values ($1, '005079'), ($1, '005110')`, [districtId]);
    // Zonings that already place 005122: in one, Moransengo in the same zone folds into it; in the other, Moransengo
    // and Tonengo in two zones would put the successor in two zones: a conflict, both rows kept and reported.
    const placed = (await q(`select zoning_id, zone_id from zone_municipalities where municipality_code = '005122' order by zoning_id`)).rows;
    expect(placed).toHaveLength(2);
    folding = placed[0];
    conflicting = placed[1];
    await q(`insert into zone_municipalities (zoning_id, zone_id, municipality_code) values ($1, $2, '005079')`, [folding.zoning_id, folding.zone_id]);
    await q(`insert into zone_municipalities (zoning_id, zone_id, municipality_code) values ($1, $2, '005079')`, [conflicting.zoning_id, conflicting.zone_id]);
    const otherZone = (await q(`select id from zones where zoning_id = $1 and id <> $2 limit 1`, [conflicting.zoning_id, conflicting.zone_id])).rows[0].id;
    await q(`insert into zone_municipalities (zoning_id, zone_id, municipality_code) values ($1, $2, '005110')`, [conflicting.zoning_id, otherZone]);
    // Every other column referring to municipalities: one row moved to Moransengo, where the module has rows.
    for (const { table, column } of references) {
      const named = await q(`select count(*)::int as n from ${table} where ${column} in ('005079', '005110')`);
      if (named.rows[0].n > 0) continue;
      await q(`update ${table} set ${column} = '005079' where ctid = (select ctid from ${table} where ${column} like '001%' limit 1)`);
    }

    report = await importTerritory(t.system, { regions: ['01'] });
  }, 900_000);
  afterAll(() => t?.close());

  it('reports every column that refers to municipalities: a column no hook covers fails here', () => {
    expect(references.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(report.codeChanges!.moved).sort()).toEqual(references.map(({ table, column }) => `${table}.${column}`).sort());
  });

  it('leaves no row on a moved code but the conflicting ones, and keeps only the municipalities rows still name', async () => {
    for (const { table, column } of references) {
      const left = await t.db.pool.query(`select count(*)::int as n from ${table} where ${column} = '005079'`);
      expect(left.rows[0].n, `${table}.${column}`).toBe(table === 'zone_municipalities' ? 1 : 0);
    }
    const kept = await t.db.pool.query(`select istat_code from municipalities where istat_code in ('005079', '005110', $1) order by 1`, [ceasedCode]);
    // Moransengo and Tonengo stay: zoning rows of them are in conflict. The ceased code stays: an organization names it.
    expect(kept.rows.map((row) => row.istat_code)).toEqual(['005079', '005110', ceasedCode].sort());
    expect(report.codeChanges!.staleCodes).toBe(3);
  });

  it('moves an organization (version bumped, snapshot stored) and a need to the successor', async () => {
    const organization = await t.db.pool.query('select municipality_code, version from organizations where id = $1', [movedOrganizationId]);
    expect(organization.rows[0].municipality_code).toBe('005122');
    const snapshot = await t.db.pool.query('select snapshot from organization_versions where organization_id = $1 and version = $2', [movedOrganizationId, organization.rows[0].version]);
    expect(snapshot.rows[0].snapshot.municipality_code).toBe('005122');
    const need = await t.db.pool.query('select municipality_code, version from needs where id = $1', [movedNeedId]);
    expect(need.rows[0]).toMatchObject({ municipality_code: '005122', version: 2 });
    expect(report.codeChanges!.moved['organizations.municipality_code']).toBe(1);
    expect(report.codeChanges!.moved['needs.municipality_code']).toBeGreaterThanOrEqual(1);
  });

  it('folds two predecessors of one district into one row, and a predecessor in the successor’s zone into its row', async () => {
    const district = await t.db.pool.query(`select count(*)::int as n from district_municipalities where municipality_code = '005122'`);
    expect(district.rows[0].n).toBeGreaterThanOrEqual(1);
    expect(report.codeChanges!.moved['district_municipalities.municipality_code']).toBeGreaterThanOrEqual(2);
    const zones = async (zoningId: string) =>
      (await t.db.pool.query(`select municipality_code from zone_municipalities where zoning_id = $1 and municipality_code in ('005079', '005110', '005122') order by 1`, [zoningId])).rows.map((row) => row.municipality_code);
    expect(await zones(folding.zoning_id)).toEqual(['005122']);
    expect(await zones(conflicting.zoning_id)).toEqual(['005079', '005110', '005122']);
    expect(report.codeChanges!.moved['zone_municipalities.municipality_code']).toBe(1);
  });

  it('reports, never drops, the rows whose code has no derivable successor or would conflict', () => {
    const unmapped = new Map(report.codeChanges!.unmapped.map((item) => [item.code, item]));
    expect(unmapped.get(ceasedCode)).toMatchObject({ reason: 'successor_unknown', successorCode: null, rows: { 'organizations.municipality_code': 1 } });
    expect(unmapped.get('005110')).toMatchObject({ reason: 'conflict', successorCode: '005122', rows: { 'zone_municipalities.municipality_code': 1 } });
    expect(unmapped.get('005079')).toMatchObject({ reason: 'conflict', successorCode: '005122', rows: { 'zone_municipalities.municipality_code': 1 } });
  });

  it('audits each module’s move in the import’s transaction', async () => {
    const audit = await t.db.pool.query(`select action, before, after from audit_log where action like '%.move-municipality-codes' order by action`);
    expect(audit.rows.map((row) => row.action)).toEqual(expect.arrayContaining([
      'districts.move-municipality-codes', 'needs.move-municipality-codes', 'organizations.move-municipality-codes', 'projects.move-municipality-codes', 'zonings.move-municipality-codes',
    ]));
    const organizations = audit.rows.find((row) => row.action === 'organizations.move-municipality-codes')!;
    expect(organizations.before['organizations.municipality_code']).toMatchObject({ '005079': 1, [ceasedCode]: 1 });
    expect(organizations.after.remaining['organizations.municipality_code']).toEqual({ [ceasedCode]: 1 });
  });
});
