import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZMunicipalitySearchQuery, type TMunicipalitySummary } from '../../../common/contracts/territory';
import { ANONYMOUS } from '../../platform/access/actor';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import type { UseCaseContext } from '../../platform/use-case';
import { loadTerritoryFixture } from './fixtures/territory.fixture';
import { searchMunicipalities } from './search-municipalities';

describe('searchMunicipalities (Piemonte and Emilia-Romagna)', () => {
  let db: TestDatabase;
  let context: UseCaseContext;
  // The route parses the query string with the contract; so does the test, to get the same defaults.
  const search = (query: Record<string, unknown>) => searchMunicipalities(context, ZMunicipalitySearchQuery.parse(query));
  const names = (items: TMunicipalitySummary[]) => items.map((item) => item.name);

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadTerritoryFixture(db, ['01', '08']);
    context = { actor: ANONYMOUS, db, requestId: null };
  });
  afterAll(() => db.destroy());

  it('ignores accents and case: aglie finds Agliè, forli finds Forlì', async () => {
    const aglie = await search({ q: 'aglie' });
    expect(aglie.items[0]).toEqual({
      istatCode: '001001',
      name: 'Agliè',
      provinceCode: '001',
      provinceAbbreviation: 'TO',
      regionCode: '01',
      regionName: 'Piemonte',
      population: 2644,
    });
    const forli = await search({ q: 'forli' });
    expect(forli.items[0]).toMatchObject({ istatCode: '040012', name: 'Forlì', regionName: 'Emilia-Romagna' });
    // Forlimpopoli starts with "forli" too: prefix matches follow the exact one.
    expect(names(forli.items).slice(0, 2)).toEqual(['Forlì', 'Forlimpopoli']);
    expect((await search({ q: '  FORLÌ ' })).items[0]!.name).toBe('Forlì');
  });

  it('puts the exact name first, then prefixes, then names containing the query', async () => {
    const { items } = await search({ q: 'pinerolo' });
    expect(items[0]).toMatchObject({ istatCode: '001191', name: 'Pinerolo', population: 34854 });
    expect(names(items).slice(1, 3)).toEqual(['Salza di Pinerolo', 'San Secondo di Pinerolo']);
    // Then similar spellings, after every name that contains the query.
    expect(names(items).slice(3)).toContain('Prarolo');
  });

  it('tolerates a typo, closest spelling first', async () => {
    const { items } = await search({ q: 'pineroli' });
    expect(items[0]).toMatchObject({ istatCode: '001191', name: 'Pinerolo' });
    expect((await search({ q: 'moncaleri' })).items[0]!.name).toBe('Moncalieri');
    expect((await search({ q: 'aglei' })).items[0]!.name).toBe('Agliè');
    expect((await search({ q: 'san secondo di pinerlo' })).items[0]!.name).toBe('San Secondo di Pinerolo');
  });

  it('filters by province and by region', async () => {
    const turin = await search({ q: 'san', province: '001', limit: 200 });
    expect(turin.items.length).toBeGreaterThan(10);
    expect(turin.items.every((item) => item.provinceCode === '001')).toBe(true);
    expect((await search({ q: 'forli', region: '01' })).items.map((item) => item.name)).not.toContain('Forlì');
    const emilia = await search({ q: 'san', region: '08', limit: 200 });
    expect(emilia.items.every((item) => item.regionCode === '08')).toBe(true);
  });

  it('pages with a keyset cursor: pages never overlap and together cover every match, in order', async () => {
    const walk = async (query: Record<string, unknown>) => {
      const seen: TMunicipalitySummary[] = [];
      let cursor: string | undefined;
      do {
        const page = await search({ ...query, cursor });
        expect(page.items.length).toBeLessThanOrEqual(Number(query.limit));
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    const torino = await walk({ province: '001', limit: 37 });
    expect(torino).toHaveLength(312);
    expect(new Set(torino.map((item) => item.istatCode)).size).toBe(312);
    const all = await search({ province: '001', limit: 200 });
    expect(torino.slice(0, 200)).toEqual(all.items);

    // Across the textual and the similar-spelling parts of the order too.
    for (const q of ['san', 'pinerolo', 'castel']) {
      const paged = await walk({ q, limit: 7 });
      const atOnce = await search({ q, limit: 200 });
      expect(atOnce.nextCursor).toBeNull();
      expect(paged).toEqual(atOnce.items);
    }
  });

  it('lists everything by name without a query, and finds nothing odd for LIKE wildcards', async () => {
    const first = await search({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    expect((await search({ q: '%' })).items).toEqual([]);
    expect((await search({ q: '_' })).items).toEqual([]);
  });

  it('rejects a cursor it did not issue, naming the field', async () => {
    await expect(search({ q: 'san', cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({
      code: 'COMMON.VALIDATION',
      details: { fields: [{ path: 'cursor', message: 'is not a cursor this endpoint returned' }] },
    });
  });
});
