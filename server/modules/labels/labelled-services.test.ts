import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TServiceSearchPage } from '../../../common/contracts/services';
import { seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';
import { createTestApp, type TestApp } from '../../platform/testing/test-app';
import { districtsModule } from '../districts';
import { organizationsModule } from '../organizations';
import { servicesModule } from '../services';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { DEMO_LABEL_SCHEME_NAME, seedDemoLabels } from './fixtures/demo-labels.seed';
import { labelsModule } from './labels.module';
import { revokeLabel } from './revoke-label';

const LABELLED = ['Cooperativa sociale Lavoro in Rete (demo)', 'Cooperativa sociale Val Chisone (demo)'];

/**
 * The demo's labelled providers and the services directory: the label shows on a labelled provider's services, the
 * search filters by it (only labels valid today), a revoked label leaves both; the demo seed runs once.
 */
describe('labelled providers in the services directory', () => {
  let t: TestApp;
  const search = async (query: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/services?pageSize=50${query}` });
    expect(response.statusCode).toBe(200);
    return response.json() as TServiceSearchPage;
  };
  const providersOf = (page: TServiceSearchPage) => [...new Set(page.items.map((item) => item.provider.name))].sort();

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule, labelsModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    await servicesModule.seedDemo!(t.system, () => undefined);
    await seedDemoLabels(t.system, () => undefined);
    await seedDemoLabels(t.system, () => undefined);
  }, 300_000);
  afterAll(() => t?.close());

  it('seeds one demo scheme and two labelled providers, once', async () => {
    const schemes = await t.db.orm.execute<{ n: number }>(sql`select count(*)::int as n from label_schemes where name = ${DEMO_LABEL_SCHEME_NAME}`);
    expect(schemes.rows[0]!.n).toBe(1);
    const awards = await t.db.orm.execute<{ name: string }>(sql`select o.legal_name as name from label_awards a join organization_public_fields o on o.id = a.organization_id order by 1`);
    expect(awards.rows.map((row) => row.name)).toEqual(LABELLED);
  });

  it("shows the label on a labelled provider's services and filters the search by it", async () => {
    const all = await search('');
    expect(providersOf(all).length).toBeGreaterThan(2);
    for (const item of all.items) {
      if (LABELLED.includes(item.provider.name)) expect(item.labels.map((label) => label.schemeName), item.name).toEqual([DEMO_LABEL_SCHEME_NAME]);
      else expect(item.labels, item.name).toEqual([]);
    }
    const labelled = await search('&labelled=true');
    expect(providersOf(labelled)).toEqual(LABELLED);
    expect(labelled.items.length).toBe(all.items.filter((item) => LABELLED.includes(item.provider.name)).length);
    expect(providersOf(await search('&labelled=false'))).toEqual(providersOf(all));
    const bad = await t.app.inject({ method: 'GET', url: '/api/services?labelled=yes' });
    expect(bad.statusCode).toBe(400);
  });

  it('drops a revoked or expired label from the cards and the filter', async () => {
    const awards = await t.db.orm.execute<{ id: string; name: string }>(sql`select a.id, o.legal_name as name from label_awards a join organization_public_fields o on o.id = a.organization_id order by 2`);
    const [lavoro, valChisone] = awards.rows;
    await revokeLabel(t.system, lavoro!.id, { reason: 'Accreditamento sospeso' });
    expect(providersOf(await search('&labelled=true'))).toEqual([valChisone!.name]);
    await t.db.orm.execute(sql`update label_awards set valid_from = date '2020-01-01', valid_until = date '2021-12-31' where id = ${valChisone!.id}`);
    expect((await search('&labelled=true')).items).toEqual([]);
    expect((await search('')).items.every((item) => item.labels.length === 0)).toBe(true);
  });
});
