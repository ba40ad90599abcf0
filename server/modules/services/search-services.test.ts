import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app';
import { createOrganization, organizationsModule } from '../organizations';
import { districtsModule } from '../districts';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { sql } from 'drizzle-orm';
import { createService } from './create-service';
import { updateService } from './update-service';
import { rewriteAllPlacesCopies, selectServicesWithStalePlacesCopy } from './services.repository';
import { seedDemoServices } from './fixtures/demo-services.seed';
import { servicesModule } from './services.module';
import { PINEROLO_ISTAT_CODE, seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

const TORRE_PELLICE = '001275';
const TORINO = '001272';

describe('public search of services', () => {
  let t: TestApp;

  const search = async (query: Record<string, string | number>) => {
    const response = await t.app.inject({ url: '/api/services', query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      items: { id: string; name: string; distanceKm: number | null; [key: string]: unknown }[];
      hasMore: boolean;
      centre: { name: string } | null;
      understood: { category: string | null; isCategoryApplied: boolean; correctedQuery: string | null; didYouMean: string | null };
    };
  };
  const names = async (query: Record<string, string | number>) => (await search(query)).items.map((item) => item.name);

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    await seedDemoServices(t.system, () => undefined);
    const provider = await createOrganization(t.system, { legalName: 'Cooperativa di prova', kind: 'social_cooperative_a', municipalityCode: TORINO });
    const at = (municipalityCode: string) => [{ name: 'Sede', municipalityCode }];
    await createService(t.system, { organizationId: provider.id, name: 'Informazioni sulla città accessibile', description: 'Mappe dei percorsi senza barriere.', locations: at(TORINO) });
    await createService(t.system, { organizationId: provider.id, name: 'Assistenza familiare a ore', description: 'Collaboratrici domestiche qualificate per la cura della casa.', locations: at(TORINO) });
    await createService(t.system, { organizationId: provider.id, name: 'Pasti a domicilio', description: 'Per le persone assistite dai servizi sociali.', locations: at(TORINO) });
    await createService(t.system, { organizationId: provider.id, name: 'Assistenza domiciliare anziani Torino', description: 'Operatori a casa delle persone anziane.', locations: at(TORINO) });
    // Two identical services 14 km apart, to see distance reorder equally relevant results.
    for (const code of [PINEROLO_ISTAT_CODE, TORRE_PELLICE]) {
      await createService(t.system, { organizationId: provider.id, name: 'Laboratorio di ceramica', description: 'Corso di ceramica per tutti.', locations: at(code) });
    }
  });
  afterAll(() => t.close());

  it('stems Italian words: "anziano" and "anziani" find each other', async () => {
    const byPlural = await names({ q: 'anziani' });
    const bySingular = await names({ q: 'anziano' });
    expect(byPlural).toContain('Centro diurno per anziani «Il Melograno»');
    expect(bySingular).toContain('Centro diurno per anziani «Il Melograno»');
    expect(byPlural).not.toContain('Emporio solidale');
  });

  it('folds accents: "citta" finds "città", "disabilita" finds "disabilità"', async () => {
    expect(await names({ q: 'citta' })).toContain('Informazioni sulla città accessibile');
    expect(await names({ q: 'disabilita' })).toContain('Inserimento lavorativo di persone svantaggiate');
  });

  it('uses the documented synonyms: "badante" finds "assistenza familiare", "assistenza" finds "assistite"', async () => {
    // In every category: "badante" alone names the category of family care, which this uncategorised service is not in.
    expect(await names({ q: 'badante', everyCategory: 'true' })).toContain('Assistenza familiare a ore');
    expect(await names({ q: 'assistenza' })).toContain('Pasti a domicilio');
    const both = await names({ q: 'pasti assistenza' });
    expect(both).toContain('Pasti a domicilio');
    expect(both).not.toContain('Assistenza familiare a ore'); // every word must match (or a synonym of it)
  });

  it('tolerates a typo in a short query', async () => {
    expect(await names({ q: 'domicliare' })).toContain('Assistenza domiciliare anziani');
    expect(await names({ q: 'xqzwv' })).toEqual([]);
  });

  it('keeps only services within the radius of a municipality, or serving it', async () => {
    // Three words that name no category, so the uncategorised Torino service is not left out by a category.
    const near = await search({ q: 'assistenza domiciliare anziani', near: PINEROLO_ISTAT_CODE, radiusKm: 20 });
    const nearNames = near.items.map((item) => item.name);
    expect(near.centre?.name).toBe('Pinerolo');
    expect(nearNames).toContain('Assistenza domiciliare anziani');
    expect(nearNames).not.toContain('Assistenza domiciliare anziani Torino');
    const wider = await search({ q: 'assistenza domiciliare anziani', near: PINEROLO_ISTAT_CODE, radiusKm: 50 });
    const torino = wider.items.find((item) => item.name === 'Assistenza domiciliare anziani Torino');
    expect(torino?.distanceKm).toBeGreaterThan(30);
    expect(torino?.distanceKm).toBeLessThan(45);
  });

  it('ranks by relevance, and equal relevance by distance', async () => {
    const ranked = await names({ q: 'anziani' });
    // "anziani" in the name weighs more than in the description or the category.
    expect(ranked.indexOf('Centro diurno per anziani «Il Melograno»')).toBeLessThan(ranked.indexOf('Sportello badanti e assistenza familiare'));
    const fromPinerolo = await search({ q: 'ceramica', near: PINEROLO_ISTAT_CODE, radiusKm: 30 });
    const fromTorre = await search({ q: 'ceramica', near: TORRE_PELLICE, radiusKm: 30 });
    const municipality = (result: typeof fromPinerolo) => result.items.map((item) => (item.location as { municipalityName: string }).municipalityName);
    expect(municipality(fromPinerolo)).toEqual(['Pinerolo', 'Torre Pellice']);
    expect(municipality(fromTorre)).toEqual(['Torre Pellice', 'Pinerolo']);
    expect(fromPinerolo.items[0]!.distanceKm).toBe(0);
  });

  it('near a point: lat/lng within N km', async () => {
    const result = await names({ near: TORRE_PELLICE, radiusKm: 3 });
    expect(result).toContain('Ginnastica dolce per la terza età');
    const point = await names({ lat: 44.8209, lng: 7.2238, radiusKm: 3 });
    expect(point).toContain('Ginnastica dolce per la terza età');
    expect(point).not.toContain('Emporio solidale');
  });

  it('filters by category (with its sub-categories), target group, cost, audience and municipality', async () => {
    const elderly = await search({ category: 'anziani' });
    expect(elderly.items.length).toBeGreaterThanOrEqual(4);
    expect(elderly.items.every((item) => (item.categories as { code: string }[]).some((c) => c.code.startsWith('anziani')))).toBe(true);
    const children = await search({ targetGroup: 'children' });
    expect(children.items.every((item) => (item.targetGroups as string[]).includes('children'))).toBe(true);
    const free = await search({ q: 'anziani', cost: 'free' });
    expect(free.items.every((item) => item.costKind === 'free')).toBe(true);
    expect(free.items.map((item) => item.name)).not.toContain('Centro diurno per anziani «Il Melograno»');
    const community = await names({ openTo: 'all_residents', category: 'infanzia.nidi' });
    expect(community).toEqual(['Asilo nido aziendale aperto al territorio']);
    const inTorre = await names({ municipality: TORRE_PELLICE });
    expect(inTorre).toContain('Ginnastica dolce per la terza età');
    expect(inTorre).toContain('Assistenza domiciliare anziani'); // serves the whole district
    expect(inTorre).not.toContain('Emporio solidale');
  });

  it('shows on each result the provider, where, when, cost, how to access, free capacity and its freshness', async () => {
    const [first] = (await search({ q: 'assistenza domiciliare anziani', near: PINEROLO_ISTAT_CODE })).items;
    expect(first).toMatchObject({
      name: 'Assistenza domiciliare anziani',
      provider: { name: 'Cooperativa sociale Val Chisone (demo)' },
      location: { municipalityName: 'Perosa Argentina' },
      schedules: [{ freq: 'WEEKLY', byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '18:00' }],
      costKind: 'means_tested',
      capacity: { total: 40, free: 6, unit: 'places' },
      confirmation: { days: 12, freshness: 'fresh' },
      isDemo: true,
    });
    expect(first!.howToAccess).toMatch(/sportello sociale/);
    expect(first!.serviceAreaLabel).toMatch(/Pinerolese/);
  });

  it('pages through results, bounded', async () => {
    const first = await search({ pageSize: 3 });
    const second = await search({ pageSize: 3, page: 2 });
    expect(first.hasMore).toBe(true);
    expect(first.items).toHaveLength(3);
    expect(second.items.map((item) => item.id)).not.toContain(first.items[0]!.id);
    const tooDeep = await t.app.inject({ url: '/api/services?page=21' });
    expect(tooDeep.statusCode).toBe(400);
  });

  it('nearest first when nothing is typed: small pages give the same order as one large page', async () => {
    const all = await search({ near: PINEROLO_ISTAT_CODE, radiusKm: 40, pageSize: 50 });
    expect(all.items.length).toBeGreaterThan(8);
    expect(all.items.at(-1)!.distanceKm).toBeGreaterThan(20); // the last ones are far: the small circles do not hold them
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(...(await search({ near: PINEROLO_ISTAT_CODE, radiusKm: 40, pageSize: 3, page })).items);
    expect(pages.map((item) => [item.id, item.distanceKm])).toEqual(all.items.slice(0, 9).map((item) => [item.id, item.distanceKm]));
  });

  it('follows a place that moved: the distance search uses the service\'s current locations', async () => {
    const provider = await createOrganization(t.system, { legalName: 'Cooperativa che trasloca', kind: 'social_cooperative_a', municipalityCode: TORINO });
    const moving = await createService(t.system, { organizationId: provider.id, name: 'Sartoria sociale itinerante', locations: [{ name: 'Sede', municipalityCode: TORINO }] });
    const near = async (code: string) => (await names({ q: 'sartoria', near: code, radiusKm: 10 })).includes('Sartoria sociale itinerante');
    expect(await near(TORINO)).toBe(true);
    expect(await near(TORRE_PELLICE)).toBe(false);

    const moved = await updateService(t.system, moving.id, { version: moving.version, locations: [{ name: 'Nuova sede', municipalityCode: TORRE_PELLICE }] });
    expect(await near(TORRE_PELLICE)).toBe(true);
    expect(await near(TORINO)).toBe(false);

    // Two places: found near either; no place at all: found near neither.
    const twoPlaces = await updateService(t.system, moving.id, {
      version: moved.version,
      locations: [{ name: 'Sede', municipalityCode: TORINO }, { name: 'Sede', municipalityCode: TORRE_PELLICE }],
    });
    expect(await near(TORINO)).toBe(true);
    expect(await near(TORRE_PELLICE)).toBe(true);
    await updateService(t.system, moving.id, { version: twoPlaces.version, locations: [] });
    expect(await near(TORINO)).toBe(false);
    expect(await near(TORRE_PELLICE)).toBe(false);
    expect(await names({ q: 'sartoria' })).toContain('Sartoria sociale itinerante');
  });

  it('keeps the copies of every service\'s places (grid cells, points) equal to its places', async () => {
    expect(await selectServicesWithStalePlacesCopy(t.db.orm)).toEqual([]);
    // The check itself can fail: a copy written behind the repository's back is found.
    const [service] = (await search({ q: 'ceramica' })).items;
    await t.db.orm.execute(sql`update services set location_cells = '{1}' where id = ${service!.id}`);
    expect(await selectServicesWithStalePlacesCopy(t.db.orm)).toEqual([service!.id]);
    await t.db.orm.execute(sql`update services set location_cells = (select array_agg(distinct c order by c) from service_at_locations sal
      join service_locations l on l.id = sal.location_id, unnest(service_point_cells(l.latitude, l.longitude)) c where sal.service_id = services.id)
      where id = ${service!.id}`);
    expect(await selectServicesWithStalePlacesCopy(t.db.orm)).toEqual([]);
    await t.db.orm.execute(sql`update services set location_longitudes = array[location_longitudes[1] + 0.01] where id = ${service!.id}`);
    expect(await selectServicesWithStalePlacesCopy(t.db.orm)).toEqual([service!.id]);
    await t.db.orm.execute(sql`update services set location_longitudes = (select array_agg(l.longitude order by l.id) from service_at_locations sal
      join service_locations l on l.id = sal.location_id where sal.service_id = services.id) where id = ${service!.id}`);
    expect(await selectServicesWithStalePlacesCopy(t.db.orm)).toEqual([]);
  });

  it('rewrites every copy from the places after writes that bypassed the repository (bulk loads)', async () => {
    await t.db.orm.execute(sql`update services set location_cells = '{}', location_latitudes = '{}', location_longitudes = '{}'`);
    expect((await selectServicesWithStalePlacesCopy(t.db.orm)).length).toBeGreaterThan(1);
    await rewriteAllPlacesCopies(t.db.orm);
    expect(await selectServicesWithStalePlacesCopy(t.db.orm)).toEqual([]);
  });

  it('lists the category a query names, and every category on request', async () => {
    const narrowed = await search({ q: 'badante' });
    expect(narrowed.understood).toMatchObject({ category: 'anziani.assistenza-familiare', isCategoryApplied: true });
    expect(narrowed.items.map((item) => item.name)).toEqual(['Sportello badanti e assistenza familiare']);
    const every = await search({ q: 'badante', everyCategory: 'true' });
    expect(every.understood).toMatchObject({ category: 'anziani.assistenza-familiare', isCategoryApplied: false });
    expect(every.items.map((item) => item.name)).toEqual(expect.arrayContaining(['Sportello badanti e assistenza familiare', 'Assistenza familiare a ore']));
    // In English too, and a category chosen in the filters wins over the words'.
    expect((await search({ q: 'nursery' })).understood).toMatchObject({ category: 'infanzia.nidi', isCategoryApplied: true });
    const chosen = await search({ q: 'badante', category: 'anziani' });
    expect(chosen.understood.isCategoryApplied).toBe(false);
    expect(chosen.items.map((item) => item.name)).not.toContain('Assistenza familiare a ore');
    // A query that is not only a category's name is not narrowed.
    expect((await search({ q: 'badante ore' })).understood).toMatchObject({ category: null, isCategoryApplied: false });
  });

  it('does not narrow to a category that has nothing for the words, and keeps a narrowed search narrowed on later pages', async () => {
    const nothingThere = await search({ q: 'disabilita' });
    expect(nothingThere.understood).toMatchObject({ category: 'disabilita', isCategoryApplied: false });
    expect(nothingThere.items.map((item) => item.name)).toContain('Inserimento lavorativo di persone svantaggiate');
    const all = await names({ q: 'anziani', pageSize: 20 });
    const firstPage = await search({ q: 'anziani', pageSize: 2 });
    const secondPage = await search({ q: 'anziani', pageSize: 2, page: 2 });
    expect(firstPage.understood.isCategoryApplied).toBe(true);
    expect(secondPage.understood.isCategoryApplied).toBe(true);
    expect([...firstPage.items, ...secondPage.items].map((item) => item.name)).toEqual(all.slice(0, 4));
    expect(all).not.toContain('Assistenza domiciliare anziani Torino'); // in no category
    const pastTheEnd = await search({ q: 'anziani', pageSize: 2, page: 20 });
    expect(pastTheEnd.understood.isCategoryApplied).toBe(true);
    expect(pastTheEnd.items).toEqual([]);
  });

  it('shows the corrected words’ results and offers the words as typed; as typed, suggests the correction', async () => {
    const corrected = await search({ q: 'assitenza domicigliare' });
    expect(corrected.understood).toMatchObject({ correctedQuery: 'assistenza domiciliare', didYouMean: null });
    expect(corrected.items.map((item) => item.name)).toContain('Assistenza domiciliare anziani');
    const asTyped = await search({ q: 'assitenza domicigliare', asTyped: 'true' });
    expect(asTyped.understood).toMatchObject({ correctedQuery: null, didYouMean: 'assistenza domiciliare', isCategoryApplied: false });
    // Words spelt right: nothing to correct, nothing to suggest.
    expect((await search({ q: 'assistenza domiciliare', asTyped: 'true' })).understood).toMatchObject({ correctedQuery: null, didYouMean: null });
  });

  it('answers a long or adversarial query within its bounds: 400 naming q past 200 characters', async () => {
    const tooLong = await t.app.inject({ url: '/api/services', query: { q: 'assistenza anziani '.repeat(106) } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('q');
    const oneLetterWords = Array.from({ length: 100 }, () => 'a').join(' ');
    expect(oneLetterWords.length).toBeLessThanOrEqual(200);
    expect((await search({ q: oneLetterWords })).understood).toMatchObject({ category: null, correctedQuery: null });
    const manyTypos = Array.from({ length: 20 }, () => 'assitenza').join(' ');
    expect(manyTypos.length).toBeLessThanOrEqual(200);
    const typos = await search({ q: manyTypos });
    expect(typos.understood.correctedQuery).toBe(Array.from({ length: 16 }, () => 'assistenza').join(' '));
    const places = await search({ q: 'vicino a Pinerolo '.repeat(11).trim() });
    expect(places.centre?.name).toBe('Pinerolo');
  });

  it('answers 422 naming an unknown centre municipality', async () => {
    const response = await t.app.inject({ url: '/api/services?near=999999' });
    expect(response.statusCode).toBe(422);
    expect(response.json().details.fields[0].path).toBe('near');
  });
});
