import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/testing/seeded-random';
import { createTestApp, type TestApp } from '../../platform/testing/test-app';
import { createDistrict, defineDistrictArea, districtsModule } from '../districts';
import { createOrganization, organizationsModule } from '../organizations';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { confirmService } from './confirm-service';
import { createService } from './create-service';
import { rebuildServiceSupply, SUPPLY_RADII_KM } from './service-supply';
import { recomputeSupplyOfMunicipalities, selectAllMunicipalityCodes, selectStoredSupply } from './service-supply.repository';
import { servicesModule } from './services.module';
import { updateService } from './update-service';
import { PINEROLO_ISTAT_CODE } from '../../demo/demo-pinerolese.seed';

const TORRE_PELLICE = '001275';
const CATEGORIES = ['anziani.assistenza-domiciliare', 'anziani.centri-diurni', 'salute.consultori', 'infanzia.nidi', 'lavoro.orientamento'];

describe('stored supply (ADR 0018)', () => {
  let t: TestApp;
  let providerId: string;
  let districtId: string;
  let municipalities: { code: string; lat: number; lng: number }[];
  const serviceIds: string[] = [];
  const random = seededRandom(20261122);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;

  /** The stored rows equal a rebuild from scratch (which uses the other, set-based SQL of the same rule). */
  const expectStoredEqualsRebuilt = async () => {
    const stored = await selectStoredSupply(t.db.orm);
    await rebuildServiceSupply(t.system);
    const rebuilt = await selectStoredSupply(t.db.orm);
    expect(rebuilt.length).toBeGreaterThan(0);
    expect(stored).toEqual(rebuilt);
    return rebuilt;
  };

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule]);
    await loadTerritoryFixture(t.db);
    providerId = (await createOrganization(t.system, { legalName: 'Cooperativa Offerta', kind: 'social_cooperative_a', municipalityCode: PINEROLO_ISTAT_CODE })).id;
    const near = await t.db.orm.execute<{ istat_code: string; point_lat: number; point_lng: number }>(sql`
      select m.istat_code, m.point_lat, m.point_lng from municipalities m, municipalities p
      where p.istat_code = ${PINEROLO_ISTAT_CODE} and m.point_lat between p.point_lat - 0.25 and p.point_lat + 0.25
        and m.point_lng between p.point_lng - 0.3 and p.point_lng + 0.3
      order by m.istat_code`);
    municipalities = near.rows.map((row) => ({ code: row.istat_code, lat: row.point_lat, lng: row.point_lng }));
    districtId = (await createDistrict(t.system, { name: 'Distretto offerta', municipalityCodes: municipalities.slice(0, 8).map((m) => m.code) })).id;
  }, 120_000);
  afterAll(() => t.close());

  it('counts a service once where it reaches, with its free places and confirmation, at each stored radius', async () => {
    // One place at Pinerolo's point, 5 free of 8; Torre Pellice is about 14 km away.
    const id = (await createService(t.system, {
      organizationId: providerId, name: 'Assistenza di prova', categoryCodes: ['anziani.assistenza-domiciliare'],
      locations: [{ name: 'Sede', municipalityCode: PINEROLO_ISTAT_CODE }], capacity: { total: 8, free: 5 }, confirmedOn: '2026-01-15',
    })).id;
    serviceIds.push(id);
    const rows = await selectStoredSupply(t.db.orm);
    const at = (radius: number, municipality: string, category: string) =>
      rows.find((row) => row.radius_km === radius && row.municipality_code === municipality && row.category_code === category);
    for (const radius of [0, 5, 10, 20]) {
      // Its own code and the parent `anziani` (services.category_codes holds both).
      for (const category of ['anziani.assistenza-domiciliare', 'anziani']) {
        expect(at(radius, PINEROLO_ISTAT_CODE, category)).toEqual({
          radius_km: radius, municipality_code: PINEROLO_ISTAT_CODE, category_code: category,
          service_count: 1, unknown_capacity_count: 0, free_capacity: 5, oldest_confirmed_on: '2026-01-15',
        });
      }
    }
    expect(at(10, TORRE_PELLICE, 'anziani')).toBeUndefined();
    expect(at(20, TORRE_PELLICE, 'anziani')).toMatchObject({ service_count: 1, free_capacity: 5 });
  });

  it('stays equal to a rebuild through creations, moves, recategorizations, suspensions, confirmations and district changes', async () => {
    // 40 services of every shape: one place somewhere within ~15 km, two places, listed area municipalities, the
    // whole district, or an area and a place; capacity stated or not.
    for (let index = 0; index < 40; index++) {
      const shape = index % 5;
      const place = () => {
        const m = pick(municipalities);
        return { name: 'Sede', municipalityCode: m.code, latitude: m.lat + (random() - 0.5) * 0.1, longitude: m.lng + (random() - 0.5) * 0.1 };
      };
      const created = await createService(t.system, {
        organizationId: providerId,
        name: `Servizio ${index}`,
        categoryCodes: [pick(CATEGORIES)],
        locations: shape === 0 || shape === 4 ? [place()] : shape === 1 ? [place(), place()] : [],
        serviceAreaMunicipalityCodes: shape === 2 || shape === 4 ? [pick(municipalities).code, pick(municipalities).code] : [],
        ...(shape === 3 ? { serviceAreaDistrictId: districtId } : {}),
        ...(random() < 0.2 ? {} : { capacity: { total: 20, free: Math.floor(random() * 15) } }),
      });
      serviceIds.push(created.id);
    }
    await expectStoredEqualsRebuilt();

    // Moves, new categories, suspensions and reactivations, a district area dropped: every kind of update.
    for (const [index, id] of serviceIds.slice(1, 21).entries()) {
      const { version } = (await t.db.orm.execute<{ version: number }>(sql`select version from services where id = ${id}`)).rows[0]!;
      const kind = index % 4;
      await updateService(t.system, id, {
        version,
        ...(kind === 0 ? { locations: [{ name: 'Nuova sede', municipalityCode: pick(municipalities).code }] } : {}),
        ...(kind === 1 ? { categoryCodes: [pick(CATEGORIES)] } : {}),
        ...(kind === 2 ? { status: 'suspended' as const } : {}),
        ...(kind === 3 ? { serviceAreaDistrictId: null, serviceAreaMunicipalityCodes: [pick(municipalities).code] } : {}),
      });
    }
    await expectStoredEqualsRebuilt();

    // Confirming new free places changes the sums and the oldest confirmation: the first service (confirmed on
    // 2026-01-15, the others today) is the oldest where it counts, so its keys are recomputed from the services.
    for (const id of [serviceIds[0]!, ...serviceIds.slice(21, 31)]) {
      const { version } = (await t.db.orm.execute<{ version: number }>(sql`select version from services where id = ${id}`)).rows[0]!;
      await confirmService(t.system, id, { version, capacityFree: 1 });
    }
    await expectStoredEqualsRebuilt();

    // The district's area changes: its services now reach other municipalities (the services module hears it).
    const { version } = (await t.db.orm.execute<{ version: number }>(sql`select version from districts where id = ${districtId}`)).rows[0]!;
    const before = await selectStoredSupply(t.db.orm);
    await defineDistrictArea(t.system, districtId, { kind: 'custom', municipalityCodes: municipalities.slice(5, 15).map((m) => m.code), version });
    const after = await expectStoredEqualsRebuilt();
    expect(after).not.toEqual(before);
  }, 180_000);

  it('rebuilds in short transactions to the same rows as the one-transaction rebuild, letting other queries in between', async () => {
    // The rebuild before batching: every municipality at every radius in one transaction, one statement per radius.
    await t.db.transaction(async (tx) => {
      const codes = await selectAllMunicipalityCodes(tx);
      for (const radius of SUPPLY_RADII_KM) await recomputeSupplyOfMunicipalities(tx, radius, codes);
    });
    const oneTransaction = await selectStoredSupply(t.db.orm);
    expect(oneTransaction.length).toBeGreaterThan(0);
    // Stored rows spoiled first, so the batched rebuild has everything to redo.
    await t.db.orm.execute(sql`update service_supply set service_count = service_count + 7`);
    await t.db.orm.execute(sql`insert into service_supply (radius_km, municipality_code, category_code, service_count, unknown_capacity_count, free_capacity)
      values (5, ${TORRE_PELLICE}, 'salute', 3, 3, 0) on conflict do nothing`);

    // Small fixed batches (37 municipalities, never resized): a query sent after the first batch is answered while the
    // rebuild goes on — on PGlite the pool has one connection, so it proves no transaction is held between batches.
    const progress: number[] = [];
    let probe: Promise<number> | null = null;
    const rebuild = rebuildServiceSupply(t.system, (done) => {
      progress.push(done);
      probe ??= t.db.pool.query('select count(*)::int as n from service_supply').then(() => progress.length);
    }, { firstBatchSize: 37, maxBatchSize: 37, targetBatchMs: 60_000 });
    const summary = await rebuild;
    const progressWhenProbeAnswered = await probe!;
    expect(progress.length).toBe(SUPPLY_RADII_KM.length * Math.ceil(summary.municipalities / 37));
    expect(progress.at(-1)).toBe(SUPPLY_RADII_KM.length * summary.municipalities);
    expect(progressWhenProbeAnswered).toBeLessThan(progress.length);
    expect(await selectStoredSupply(t.db.orm)).toEqual(oneTransaction);
  }, 180_000);

  it('stays exact when services near each other are saved at the same time (no lost update, no deadlock)', async () => {
    // Six services in Pinerolo share every key there; each is moved to Torre Pellice or confirmed with new free places,
    // all at once. On PostgreSQL the transactions run concurrently and lock the same keys; on PGlite they queue.
    const ids: string[] = [];
    for (let index = 0; index < 6; index++) {
      ids.push((await createService(t.system, {
        organizationId: providerId, name: `Servizio concorrente ${index}`, categoryCodes: ['anziani.assistenza-domiciliare'],
        locations: [{ name: 'Sede', municipalityCode: PINEROLO_ISTAT_CODE }], capacity: { total: 20, free: index + 1 },
      })).id);
    }
    const versions = await t.db.orm.execute<{ id: string; version: number }>(sql`select id, version from services where id = any(${sql.param(ids)}::uuid[])`);
    const versionOf = new Map(versions.rows.map((row) => [row.id, row.version]));
    const results = await Promise.allSettled(ids.map((id, index) =>
      index % 2 === 0
        ? updateService(t.system, id, { version: versionOf.get(id)!, locations: [{ name: 'Sede nuova', municipalityCode: TORRE_PELLICE }] })
        : confirmService(t.system, id, { version: versionOf.get(id)!, capacityFree: 10 }),
    ));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    await expectStoredEqualsRebuilt();
  }, 120_000);

  it('lets only platform administrators rebuild, and audits the rebuild', async () => {
    await expect(rebuildServiceSupply({ ...t.system, actor: { kind: 'anonymous' } })).rejects.toMatchObject({ code: expect.stringMatching(/FORBIDDEN|UNAUTHENTICATED/) });
    const audited = await t.db.orm.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'services.rebuild-supply'`);
    expect(Number(audited.rows[0]!.n)).toBeGreaterThan(0);
  });
});
