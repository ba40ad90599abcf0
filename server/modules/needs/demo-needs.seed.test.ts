import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app';
import { districtsModule } from '../districts';
import { organizationsModule } from '../organizations';
import { seedDemoServices, servicesModule } from '../services';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { seedDemoNeeds } from './fixtures/demo-needs.seed';
import { seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

/** The demo needs the matching module (issue 7) builds its gap map on. */
describe('demo needs seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    await seedDemoServices(t.system, () => undefined);
    await seedDemoNeeds(t.system, () => undefined);
  });
  afterAll(() => t.close());

  it('seeds about 30 open demo needs of the demo district over at least 8 of its municipalities', async () => {
    const { rows } = await t.db.pool.query(`
      select count(*) filter (where n.status = 'open')::int as open, count(distinct n.municipality_code)::int as municipalities,
             count(*) filter (where not n.is_demo or n.source <> 'manual')::int as odd,
             count(*) filter (where dm.municipality_code is null)::int as outside,
             min(people_count)::int as min_people, max(people_count)::int as max_people, min(relevance)::int as min_rel, max(relevance)::int as max_rel
      from needs n join districts d on d.id = n.district_id and d.is_demo
      left join district_municipalities dm on dm.district_id = d.id and dm.municipality_code = n.municipality_code`);
    expect(rows[0]).toMatchObject({ open: 30, odd: 0, outside: 0, min_people: 1, max_people: 15, min_rel: 2, max_rel: 5 });
    expect(rows[0].municipalities).toBeGreaterThanOrEqual(8);
  });

  it('uses taxonomy categories, and leaves some (category, municipality) pairs without any demo service', async () => {
    const unknown = await t.db.pool.query('select category_code from needs where category_code not in (select code from service_taxonomy_terms)');
    expect(unknown.rows).toEqual([]);
    const uncovered = await t.db.pool.query(`
      select distinct n.category_code, n.municipality_code from needs n
      where n.status = 'open' and not exists (select 1 from services s where s.is_demo and n.category_code = any(s.category_codes))`);
    expect(uncovered.rows.length).toBeGreaterThanOrEqual(2);
  });

  it('links the answered needs to the demo service that answers them', async () => {
    const { rows } = await t.db.pool.query(`select s.name from needs n join services s on s.id = n.answered_by_service_id where n.status = 'answered_by_service' order by s.name`);
    expect(rows.map((row) => row.name)).toEqual(['Sportello badanti e assistenza familiare', 'Trasporto sociale per visite mediche']);
  });
});
