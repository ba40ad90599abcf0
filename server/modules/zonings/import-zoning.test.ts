import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TZoningImportRequest } from '../../../common/contracts/zonings';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import { systemActor } from '../../platform/access/actor';
import type { UseCaseContext } from '../../platform/use-case';
import { loadTerritoryFixture } from '../territory';
import { EXAMPLE_ZONINGS, readExampleZoning } from './fixtures/example-zonings.seed';
import { importZoning } from './import-zoning';

// Real Piemonte codes: Pinerolo, Torre Pellice, Torino (province TO), Alba (CN).
const PINEROLO = '001191';
const TORRE_PELLICE = '001275';
const TORINO = '001272';
const ALBA = '004003';

describe('importZoning', () => {
  let db: TestDatabase;
  let system: UseCaseContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    system = { actor: systemActor('test'), db, requestId: null };
    await loadTerritoryFixture(db, ['01', '02']);
  });
  afterAll(() => db.destroy());

  const counts = async () => {
    const { rows } = await db.pool.query(`select (select count(*) from zonings) as zonings, (select count(*) from zones) as zones,
      (select count(*) from zone_municipalities) as memberships, (select count(*) from audit_log where action = 'zonings.import-zoning') as audits`);
    return rows[0] as Record<string, number>;
  };
  const partial = (content: string, extra: Partial<TZoningImportRequest> = {}): TZoningImportRequest => ({
    name: `Prova ${Math.random().toString(36).slice(2)}`,
    domain: 'social_assistance',
    coverage: 'partial',
    regionCodes: ['01'],
    format: 'csv',
    content,
    ...extra,
  });

  /** Imports a file that must be refused; returns the report and checks nothing was written. */
  async function refused(request: TZoningImportRequest) {
    const before = await counts();
    const error = await importZoning(system, request).then(
      () => null,
      (caught: unknown) => caught as { code: string; message: string; details: { report: { problems: { kind: string; severity: string; message: string; line: number | null; istatCode: string | null }[] } } },
    );
    expect(error, 'the import should have been refused').not.toBeNull();
    expect(error!.code).toBe('ZONINGS.INVALID_FILE');
    expect(await counts()).toEqual(before);
    return error!;
  }

  it('imports the provinces of Piemonte as a partition in one audited write', async () => {
    const example = EXAMPLE_ZONINGS.provinces;
    const report = await importZoning(system, { ...example.request, regionCodes: ['01'], content: readExampleZoning(example.file) });
    expect(report).toMatchObject({ isWritten: true, dryRun: false, errorCount: 0, municipalityCount: 1180, regionCodes: ['01'] });
    expect(report.zones.map((zone) => zone.code)).toEqual(['AL', 'AT', 'BI', 'CN', 'NO', 'TO', 'VB', 'VC']);
    expect(report.zones.find((zone) => zone.code === 'TO')).toMatchObject({ name: 'Torino', municipalityCount: 312 });
    expect(report.zones.reduce((sum, zone) => sum + zone.population, 0)).toBe(report.population);
    expect(await counts()).toEqual({ zonings: 1, zones: 8, memberships: 1180, audits: 1 });
  });

  it('checks a file in a dry run and writes nothing', async () => {
    const before = await counts();
    const example = EXAMPLE_ZONINGS.derived;
    const report = await importZoning(system, { ...example.request, regionCodes: ['01'], content: readExampleZoning(example.file), dryRun: true });
    expect(report).toMatchObject({ dryRun: true, isWritten: false, zoningId: null, errorCount: 0, municipalityCount: 1180 });
    expect(report.zones.map((zone) => zone.code)).toEqual(['AL', 'AT', 'BIVC', 'CN', 'NOVB', 'TO-E', 'TO-O']);
    expect(await counts()).toEqual(before);
  });

  it('imports GeoJSON whose features carry a zone property and an ISTAT code', async () => {
    const report = await importZoning(system, {
      ...EXAMPLE_ZONINGS.derived.request,
      name: 'Aree derivate da GeoJSON',
      regionCodes: ['01'],
      format: 'geojson',
      content: readExampleZoning('piemonte-aree-derivate.geojson'),
    });
    expect(report).toMatchObject({ isWritten: true, municipalityCount: 1180 });
    expect(report.zones).toHaveLength(7);
  });

  it('refuses unknown ISTAT codes, naming the line and the code', async () => {
    const error = await refused(partial(`zone_code,zone_name,istat_code\nZ1,Zona uno,${PINEROLO}\nZ1,Zona uno,999999\n`));
    const problem = error.details.report.problems.find((p) => p.kind === 'unknown_code')!;
    expect(problem).toMatchObject({ line: 3, istatCode: '999999' });
    expect(problem.message).toBe('Line 3: 999999 is not an ISTAT municipality code Distretto knows');
    expect(error.message).toContain('nothing was imported');
  });

  it('refuses a municipality listed twice, and one placed in two zones', async () => {
    const twice = await refused(partial(`zone_code,zone_name,istat_code\nZ1,Zona uno,${PINEROLO}\nZ1,Zona uno,${PINEROLO}\n`));
    expect(twice.details.report.problems[0]).toMatchObject({ kind: 'duplicate_row', line: 3, istatCode: PINEROLO });
    expect(twice.details.report.problems[0]!.message).toBe('Line 3: 001191 Pinerolo is listed again in zone Z1 (first on line 2)');
    const twoZones = await refused(partial(`zone_code,zone_name,istat_code\nZ1,Zona uno,${PINEROLO}\nZ2,Zona due,${PINEROLO}\n`));
    expect(twoZones.details.report.problems[0]!.message).toBe(
      "Line 3: 001191 Pinerolo is in zone Z2 and also in zone Z1 (line 2); a municipality divided between zones needs each part's population, share or name (columns population, share, municipality_name)",
    );
  });

  it('refuses a partition with gaps, naming the municipalities in no zone', async () => {
    const content = readExampleZoning(EXAMPLE_ZONINGS.provinces.file)
      .split('\n')
      .filter((line) => !line.includes(`,${TORRE_PELLICE},`))
      .join('\n');
    const error = await refused({ ...EXAMPLE_ZONINGS.provinces.request, name: 'Province con un buco', regionCodes: ['01'], content });
    const gaps = error.details.report.problems.filter((p) => p.kind === 'gap');
    expect(gaps).toEqual([expect.objectContaining({ istatCode: TORRE_PELLICE, line: null })]);
    expect(gaps[0]!.message).toContain('Torre Pellice');
    expect(gaps[0]!.message).toContain('a partition must place every municipality');
  });

  it('accepts a partial cover, reporting its gaps as notices', async () => {
    const report = await importZoning(system, partial(`zone_code,zone_name,istat_code\nZ1,Zona uno,${PINEROLO}\nZ1,Zona uno,${TORRE_PELLICE}\n`, { name: 'Copertura parziale' }));
    expect(report).toMatchObject({ isWritten: true, errorCount: 0, municipalityCount: 2 });
    const notices = report.problems.filter((p) => p.kind === 'gap');
    expect(notices.every((p) => p.severity === 'notice')).toBe(true);
    // 1,178 municipalities in no zone: 200 listed one by one, then one line with the total.
    expect(notices.at(-1)!.message).toContain('(1178 in all)');
  });

  it('refuses municipalities outside the declared regions', async () => {
    // Aosta (007003) is in Valle d'Aosta; the zoning declares Piemonte only.
    const error = await refused(partial(`zone_code,zone_name,istat_code\nZ1,Zona uno,${PINEROLO}\nZ1,Zona uno,${ALBA}\nZ1,Zona uno,007003\n`));
    expect(error.details.report.problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ kind: 'outside_regions', line: 4, istatCode: '007003' })]);
  });

  it('refuses a file separated by semicolons, saying so', async () => {
    const error = await refused(partial(`zone_code;zone_name;istat_code\nZ1;Zona uno;${PINEROLO}\n`));
    expect(error.details.report.problems).toEqual([expect.objectContaining({ kind: 'wrong_delimiter', line: 1 })]);
    expect(error.details.report.problems[0]!.message).toContain('separates columns with ";"');
  });

  it('refuses an empty file, a header without rows and a file without the required columns', async () => {
    const empty = await refused(partial(''));
    expect(empty.details.report.problems[0]).toMatchObject({ kind: 'empty_file', message: 'The file is empty: nothing to import' });
    const headerOnly = await refused(partial('zone_code,zone_name,istat_code\n'));
    expect(headerOnly.details.report.problems[0]!.message).toBe('The file has a header but no rows: nothing to import');
    const columns = await refused(partial(`zona,comune\nZ1,${PINEROLO}\n`));
    expect(columns.details.report.problems[0]!.message).toContain('lacks the column(s) zone_code, zone_name, istat_code');
    const geojson = await refused(partial('{"type":"FeatureCollection","features":[]}', { format: 'geojson' }));
    expect(geojson.details.report.problems[0]!.kind).toBe('empty_file');
  });

  it('refuses malformed rows and one zone code with two names', async () => {
    const error = await refused(partial(`zone_code,zone_name,istat_code\nZ1,Zona uno,${PINEROLO}\nZ1,Zona 1,${TORINO}\n,Senza codice,${TORRE_PELLICE}\nZ2,Zona due,abc\n`));
    expect(error.details.report.problems.filter((p) => p.severity === 'error').map((p) => [p.kind, p.line])).toEqual([
      ['malformed_row', 4],
      ['malformed_row', 5],
      ['zone_name_conflict', 3],
    ]);
  });

  it('pads codes whose leading zeros a spreadsheet dropped', async () => {
    const report = await importZoning(system, partial(`zone_code,zone_name,istat_code\nZ1,Zona uno,1191\n`, { dryRun: true }));
    expect(report).toMatchObject({ errorCount: 0, municipalityCount: 1 });
  });

  it('refuses a second zoning with the same name (409) and unknown region codes (422)', async () => {
    const example = EXAMPLE_ZONINGS.provinces;
    await expect(importZoning(system, { ...example.request, regionCodes: ['01'], content: readExampleZoning(example.file) })).rejects.toMatchObject({ code: 'ZONINGS.DUPLICATE_NAME' });
    await expect(importZoning(system, partial('x', { regionCodes: ['99'] }))).rejects.toMatchObject({
      code: 'COMMON.VALIDATION',
      details: { fields: [{ path: 'regionCodes', message: 'unknown region code(s): 99' }] },
    });
  });

  it('is for platform administrators only', async () => {
    const member = { ...system, actor: { kind: 'user' as const, userId: '00000000-0000-4000-8000-000000000001', email: 'x@example.test', grants: [] } };
    await expect(importZoning(member, partial('zone_code,zone_name,istat_code\n'))).rejects.toMatchObject({ code: 'ACCESS.FORBIDDEN' });
  });
});
