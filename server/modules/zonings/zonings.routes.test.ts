import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { createOrganization, organizationsModule } from '../organizations';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { districtsModule } from '../districts';

import { computeAlignment } from './alignment-scores';
import { EXAMPLE_ZONINGS, readExampleZoning } from './fixtures/example-zonings.seed';
import { importZoning } from './import-zoning';
import { listAssignments } from './list-assignments';
import { zoningsModule } from './zonings.module';
import { seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

describe('zonings over HTTP, and the alignment analysis in SQL', () => {
  let t: TestApp;
  let admin: SignedIn;
  let member: SignedIn;
  let provincesId: string;
  let derivedId: string;

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, zoningsModule, districtsModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    admin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email);
    const firm = await createOrganization(t.system, { legalName: 'Impresa di prova', kind: 'firm', municipalityCode: '001191' });
    member = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_member', organizationId: firm.id }])).email);
  });
  afterAll(() => t.close());

  const upload = (headers: Record<string, string> | undefined, example: keyof typeof EXAMPLE_ZONINGS, extra: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/zonings/import',
      headers,
      payload: { ...EXAMPLE_ZONINGS[example].request, content: readExampleZoning(EXAMPLE_ZONINGS[example].file), ...extra },
    });
  const compare = async (a: string, b: string) => {
    const response = await t.app.inject({ url: `/api/zonings/compare?a=${a}&b=${b}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('CSV encodings: a zoning CSV uploaded as UTF-16 bytes is read like its UTF-8 text, and the report names the encoding', async () => {
    const text = readExampleZoning(EXAMPLE_ZONINGS.provinces.file);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]).toString('base64');
    const response = await upload(admin.writeHeaders, 'provinces', { dryRun: true, content: '', contentBase64: utf16 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ encoding: 'utf-16le', errorCount: 0, municipalityCount: 1180 });
  });

  it('lets only platform administrators upload: 401 anonymous, 403 others, then a dry run and the import', async () => {
    expect((await upload(undefined, 'provinces')).statusCode).toBe(401);
    expect((await upload(member.writeHeaders, 'provinces')).statusCode).toBe(403);
    const dryRun = await upload(admin.writeHeaders, 'provinces', { dryRun: true });
    expect(dryRun.statusCode).toBe(200);
    expect(dryRun.json()).toMatchObject({ dryRun: true, isWritten: false, errorCount: 0, municipalityCount: 1180 });
    expect((await t.app.inject({ url: '/api/zonings' })).json().items).toEqual([]);
    const provinces = await upload(admin.writeHeaders, 'provinces');
    expect(provinces.statusCode).toBe(200);
    provincesId = provinces.json().zoningId;
    derivedId = (await upload(admin.writeHeaders, 'derived')).json().zoningId;
    const list = (await t.app.inject({ url: '/api/zonings' })).json().items;
    expect(list.map((z: { name: string; zoneCount: number }) => [z.name, z.zoneCount])).toEqual([
      ['Aree derivate del Piemonte (esempio)', 7],
      ['Province del Piemonte (esempio)', 8],
    ]);
  });

  it('answers 422 with the full report for a refused upload', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/zonings/import',
      headers: admin.writeHeaders,
      payload: { name: 'File rotto', domain: 'health', coverage: 'partition', regionCodes: ['01'], format: 'csv', content: 'zone_code;zone_name;istat_code\nA;B;001191\n' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('ZONINGS.INVALID_FILE');
    expect(response.json().details.report.problems[0].kind).toBe('wrong_delimiter');
  });

  it('serves a zoning with its zones and population, its municipalities, GeoJSON and a re-importable CSV', async () => {
    const zoning = (await t.app.inject({ url: `/api/zonings/${provincesId}` })).json();
    expect(zoning.zones).toHaveLength(8);
    expect(zoning.zones.reduce((s: number, z: { population: number }) => s + z.population, 0)).toBe(zoning.population);
    const geojson = (await t.app.inject({ url: `/api/zonings/${provincesId}/municipalities.geojson` })).json();
    expect(geojson.features.length).toBeGreaterThan(1170);
    const torino = geojson.features.find((f: { id: string }) => f.id === '001272');
    expect(torino.properties).toMatchObject({ zoneCode: 'TO', zoneName: 'Torino', zoneIndex: 5 });
    const csv = await t.app.inject({ url: `/api/zonings/${provincesId}/zoning.csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('zone_code,zone_name,istat_code,municipality_name,population');
    const again = await importZoning(t.system, { name: 'Riesportata', domain: 'other', coverage: 'partition', regionCodes: ['01'], format: 'csv', content: csv.body, dryRun: true });
    expect(again).toMatchObject({ errorCount: 0, municipalityCount: 1180 });
  });

  it('compares the provinces with the derived zoning: west Torino breaks coincidence, the SQL agrees with TypeScript', async () => {
    const alignment = await compare(provincesId, derivedId);
    expect(alignment.sharedMunicipalityCount).toBe(1180);
    const torino = alignment.crosswalk.find((row: { aZoneCode: string }) => row.aZoneCode === 'TO');
    expect(torino.cells.map((c: { bZoneCode: string; isMain: boolean }) => [c.bZoneCode, c.isMain])).toEqual([['TO-E', true], ['TO-O', false]]);
    // Every municipality of west Torino, and only those, breaks coincidence (the other provinces nest in one zone).
    expect(alignment.breaking).toHaveLength(133);
    expect(alignment.breaking.every((m: { aZoneCode: string; bZoneCode: string; mainBZoneCode: string }) => m.aZoneCode === 'TO' && m.bZoneCode === 'TO-O' && m.mainBZoneCode === 'TO-E')).toBe(true);
    expect(alignment.breaking.map((m: { name: string }) => m.name)).toContain('Pinerolo');

    const a = await listAssignments(t.system, provincesId);
    const b = await listAssignments(t.system, derivedId);
    const facts = new Map(a.map((row) => [row.municipalityCode, { name: row.name, population: row.population }]));
    const reference = computeAlignment(a, b, facts);
    for (const [key, value] of Object.entries(reference.scores)) expect(alignment.scores[key], key).toBeCloseTo(value, 9);
    expect(alignment.breakingPopulation).toBe(reference.breakingPopulation);
    expect(alignment.crosswalk.map((r: { aZoneCode: string; mainShare: number }) => [r.aZoneCode, r.mainShare.toFixed(9)])).toEqual(
      reference.crosswalk.map((r) => [r.aZoneCode, r.mainShare.toFixed(9)]),
    );
    expect(alignment.scores.adjustedRandIndex).toBeGreaterThan(0);
    expect(alignment.scores.adjustedRandIndex).toBeLessThan(1);
  });

  it('gives identical zonings perfect scores', async () => {
    const copy = await importZoning(t.system, { ...EXAMPLE_ZONINGS.provinces.request, name: 'Copia delle province', regionCodes: ['01'], content: readExampleZoning(EXAMPLE_ZONINGS.provinces.file) });
    const alignment = await compare(provincesId, copy.zoningId!);
    expect(alignment.scores).toEqual({
      coincidenceShare: 1,
      coincidenceShareMunicipalities: 1,
      adjustedRandIndex: 1,
      adjustedRandIndexMunicipalities: 1,
      normalizedVariationOfInformation: 0,
      normalizedVariationOfInformationMunicipalities: 0,
    });
    expect(alignment.breaking).toEqual([]);
  });

  it('computes the hand-derived scores of a small partition in SQL', async () => {
    // The six-municipality case of alignment-scores.test.ts on real codes, by municipality:
    // A = {1,2,3} {4,5,6}, B = {1,2} {3,4,5,6} → coincidence 5/6, ARI 1.2/3.7, NVI ln2 / (⅓ln3 + ⅙ln6 + ½ln2).
    // Municipality 3 (Agliè) is the small one, so the main B zone of A1 is B1 by people as well as by count.
    const codes = ['001191', '001275', '001001', '001272', '001002', '001003'];
    const csv = (zones: string[]) => `zone_code,zone_name,istat_code\n${codes.map((code, i) => `${zones[i]},Zona ${zones[i]},${code}`).join('\n')}\n`;
    const base = { domain: 'other' as const, coverage: 'partial' as const, regionCodes: ['01'], format: 'csv' as const };
    const a = await importZoning(t.system, { ...base, name: 'Sei comuni A', content: csv(['A1', 'A1', 'A1', 'A2', 'A2', 'A2']) });
    const b = await importZoning(t.system, { ...base, name: 'Sei comuni B', content: csv(['B1', 'B1', 'B2', 'B2', 'B2', 'B2']) });
    const alignment = await compare(a.zoningId!, b.zoningId!);
    expect(alignment.scores.coincidenceShareMunicipalities).toBeCloseTo(5 / 6, 11);
    expect(alignment.scores.adjustedRandIndexMunicipalities).toBeCloseTo(1.2 / 3.7, 11);
    expect(alignment.scores.normalizedVariationOfInformationMunicipalities).toBeCloseTo(Math.log(2) / (Math.log(3) / 3 + Math.log(6) / 6 + Math.log(2) / 2), 11);
    expect(alignment.breaking.map((m: { istatCode: string }) => m.istatCode)).toEqual(['001001']);
  });

  it('exports the comparison as CSV and GeoJSON, breaking municipalities flagged', async () => {
    const crosswalk = await t.app.inject({ url: `/api/zonings/compare.csv?a=${provincesId}&b=${derivedId}` });
    const lines = crosswalk.body.trim().split('\r\n');
    expect(lines[0]).toBe('a_zone_code,a_zone_name,b_zone_code,b_zone_name,municipalities,population,share_of_a_population,is_main_b_zone');
    expect(lines.filter((line) => line.startsWith('TO,'))).toHaveLength(2);
    const breaking = await t.app.inject({ url: `/api/zonings/compare.csv?a=${provincesId}&b=${derivedId}&table=breaking` });
    expect(breaking.body.trim().split('\r\n')).toHaveLength(134);
    const geojson = (await t.app.inject({ url: `/api/zonings/compare.geojson?a=${provincesId}&b=${derivedId}` })).json();
    const pinerolo = geojson.features.find((f: { id: string }) => f.id === '001191');
    expect(pinerolo.properties).toMatchObject({ aZoneCode: 'TO', bZoneCode: 'TO-O', breaks: 1 });
    expect(geojson.features.find((f: { id: string }) => f.id === '001272').properties.breaks).toBe(0);
  });

  it('compares a zoning with the district map', async () => {
    const alignment = await compare(provincesId, 'districts');
    expect(alignment.b).toEqual({ kind: 'districts', id: null, name: 'Distretti' });
    // The demo district holds 49 municipalities of the province of Torino; the rest are only in A.
    expect(alignment.crosswalk).toHaveLength(1);
    expect(alignment.crosswalk[0].aZoneCode).toBe('TO');
    expect(alignment.sharedMunicipalityCount + alignment.onlyInACount).toBe(1180);
    expect(alignment.breaking).toEqual([]);
  });

  it('sets the organization running a zone, refusing a stale version', async () => {
    const zoning = (await t.app.inject({ url: `/api/zonings/${derivedId}` })).json();
    const zone = zoning.zones.find((z: { code: string }) => z.code === 'TO-O');
    const body = await createOrganization(t.system, { legalName: 'ASL TO3 (prova)', kind: 'health_authority', municipalityCode: '001191' });
    const response = await t.app.inject({ method: 'PATCH', url: `/api/zonings/${derivedId}/zones/${zone.id}`, headers: admin.writeHeaders, payload: { operatingOrganizationId: body.id, version: zone.version } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().operatingOrganization).toEqual({ id: body.id, name: 'ASL TO3 (prova)' });
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/zonings/${derivedId}/zones/${zone.id}`, headers: admin.writeHeaders, payload: { name: 'Altro', version: zone.version } });
    expect(stale.statusCode).toBe(409);
    const asMember = await t.app.inject({ method: 'PATCH', url: `/api/zonings/${derivedId}/zones/${zone.id}`, headers: member.writeHeaders, payload: { name: 'Altro', version: zone.version + 1 } });
    expect(asMember.statusCode).toBe(403);
  });

  it('answers 404 for unknown zonings and deletes a zoning with its zones (admins), audited', async () => {
    expect((await t.app.inject({ url: '/api/zonings/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/zonings/compare?a=${provincesId}&b=00000000-0000-4000-8000-000000000000` })).statusCode).toBe(404);
    const copy = (await t.app.inject({ url: '/api/zonings' })).json().items.find((z: { name: string }) => z.name === 'Copia delle province');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/zonings/${copy.id}`, headers: member.writeHeaders })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/zonings/${copy.id}`, headers: admin.writeHeaders })).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/zonings/${copy.id}` })).statusCode).toBe(404);
    const audit = await t.db.pool.query("select count(*)::int as n from audit_log where action = 'zonings.delete-zoning' and entity_id = $1", [copy.id]);
    expect(audit.rows[0].n).toBe(1);
  });
});
