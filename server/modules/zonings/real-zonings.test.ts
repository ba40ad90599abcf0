import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIONAL_COMPARISON, type TZoningImportRequest } from '../../../common/contracts/zonings';
import { formatVariationDate } from '../../../common/domain/municipality-codes';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import { systemActor } from '../../platform/access/actor';
import type { UseCaseContext } from '../../platform/use-case';
import { loadTerritoryFixture } from '../territory';
import { computeAlignment } from './alignment-scores';
import { compareZonings } from './compare-zonings';
import { getZoning, listZoningMunicipalities } from './get-zoning';
import { importZoning } from './import-zoning';
import { listAssignments } from './list-assignments';
import { resolveZoningCodes } from './municipality-codes';
import { REAL_ZONINGS, loadRealZoningsIfMissing, readRealZoning } from './real-zonings';
import { selectZoningIdByName } from './zonings.repository';

const ROMA = '058091';

type Row = Record<string, string>;
const rowsOf = (file: string): Row[] => parse(readRealZoning(file), { columns: true, bom: true, skip_empty_lines: true }) as Row[];

/**
 * The real zonings of data/zonings loaded as on a first start (Piemonte and Lazio only here), and the regional
 * officer's comparison checked against counts derived in this test from the two files.
 */
describe('real zonings', () => {
  let db: TestDatabase;
  let system: UseCaseContext;
  let aslId: string;
  let employmentId: string;
  const population = new Map<string, number>();

  beforeAll(async () => {
    db = await createTestDatabase();
    system = { actor: systemActor('test'), db, requestId: null };
    await loadTerritoryFixture(db, ['01', '12']);
    const messages: string[] = [];
    await loadRealZoningsIfMissing(system, (message) => messages.push(message));
    aslId = (await selectZoningIdByName(db.orm, REGIONAL_COMPARISON.healthZoningName))!;
    employmentId = (await selectZoningIdByName(db.orm, REGIONAL_COMPARISON.employmentZoningName))!;
    expect(aslId, messages.join('\n')).toBeTruthy();
    expect(employmentId, messages.join('\n')).toBeTruthy();
    const { rows } = await db.pool.query<{ istat_code: string; population: number | null }>('select istat_code, population from municipalities');
    for (const row of rows) population.set(row.istat_code, Number(row.population ?? 0));
  }, 240_000);
  afterAll(() => db.destroy());

  it('loads once, with source and licence, and says which rows of other regions it left out', async () => {
    const again: string[] = [];
    expect(await loadRealZoningsIfMissing(system, (message) => again.push(message))).toEqual([]);
    const asl = await getZoning(system, aslId);
    expect(asl).toMatchObject({ domain: 'health', licence: 'Italian Open Data License v1.0 (IODL 1.0)', isDemo: false, regionCodes: ['01', '12'] });
    expect(asl.source).toContain('Ministero della Salute');
    const aslRows = rowsOf(REAL_ZONINGS.asl.file).filter((row) => ['01', '12'].includes(row.zone_code!.slice(0, 2)));
    expect(asl.zones.map((zone) => zone.code)).toEqual([...new Set(aslRows.map((row) => row.zone_code!))].sort());
    const employment = await getZoning(system, employmentId);
    expect(employment).toMatchObject({ domain: 'employment', licence: 'EUPL-1.2', zoneCount: 30 });
  });

  it('splits Roma between its three ASL with the shares of the file and the municipi as the part', async () => {
    const romaRows = rowsOf(REAL_ZONINGS.asl.file).filter((row) => row.istat_code === ROMA);
    expect(romaRows).toHaveLength(3);
    const total = romaRows.reduce((sum, row) => sum + Number(row.population_2019), 0);
    const memberships = (await listZoningMunicipalities(system, aslId)).filter((m) => m.istatCode === ROMA);
    expect(memberships.map((m) => ({ zone: m.zoneCode, share: m.share, part: m.partNote, parts: m.partCount })).sort((x, y) => x.zone.localeCompare(y.zone))).toEqual(
      romaRows.map((row) => ({ zone: row.zone_code, share: Number(row.population_2019) / total, part: row.municipality_name, parts: 3 })),
    );
    // The zoning counts Roma once, and its zones share its people.
    const asl = await getZoning(system, aslId);
    const romaZones = asl.zones.filter((zone) => romaRows.some((row) => row.zone_code === zone.code));
    expect(romaZones.every((zone) => zone.municipalityCount >= 1)).toBe(true);
    const { rows } = await db.pool.query<{ n: number }>(`select count(distinct municipality_code)::int as n from zone_municipalities where zoning_id = $1`, [aslId]);
    expect(asl.municipalityCount).toBe(rows[0]!.n);
  });

  it('compares a split Roma: counted in each ASL, its people divided by the shares, SQL and TypeScript agreeing', async () => {
    const { rows } = await db.pool.query<{ istat_code: string; abbreviation: string }>(
      `select m.istat_code, p.abbreviation from municipalities m join provinces p on p.code = m.province_code where p.region_code = '12' order by 1`,
    );
    const content = `zone_code,zone_name,istat_code\n${rows.map((r) => `${r.abbreviation},Provincia ${r.abbreviation},${r.istat_code}`).join('\n')}\n`;
    const provinces = await importZoning(system, { name: 'Province del Lazio (prova)', domain: 'other', coverage: 'partition', regionCodes: ['12'], format: 'csv', content });
    const alignment = await compareZonings(system, { a: provinces.zoningId!, b: aslId });
    expect(alignment.splitMunicipalities).toEqual([{ istatCode: ROMA, name: 'Roma', side: 'b', partCount: 3, isShareKnown: true }]);
    expect(alignment.sharedMunicipalityCount).toBe(rows.length);
    const romaRows = rowsOf(REAL_ZONINGS.asl.file).filter((row) => row.istat_code === ROMA);
    const total = romaRows.reduce((sum, row) => sum + Number(row.population_2019), 0);
    const rome = alignment.crosswalk.find((row) => row.aZoneCode === 'RM')!;
    for (const part of romaRows) {
      const others = (await listZoningMunicipalities(system, aslId)).filter((m) => m.zoneCode === part.zone_code && m.istatCode !== ROMA);
      const expected = population.get(ROMA)! * (Number(part.population_2019) / total) + others.reduce((sum, m) => sum + (m.population ?? 0), 0);
      expect(rome.cells.find((cell) => cell.bZoneCode === part.zone_code)?.population).toBe(Math.round(expected));
    }
    // The province of Roma's people are all there once: the parts add up to Roma.
    expect(rome.population).toBe(rows.filter((r) => r.abbreviation === 'RM').reduce((sum, r) => sum + population.get(r.istat_code)!, 0));
    const reference = computeAlignment(
      await listAssignments(system, provinces.zoningId!),
      await listAssignments(system, aslId),
      new Map([...population].map(([code, people]) => [code, { name: code === ROMA ? 'Roma' : code, population: people }])),
    );
    expect(reference.scores).toEqual(alignment.scores);
    expect(reference.crosswalk).toEqual(alignment.crosswalk.map((row) => ({ ...row, mainShare: expect.closeTo(row.mainShare, 12) })));
    expect(reference.splitMunicipalities.map((m) => m.istatCode)).toEqual([ROMA]);

    // Roma on side A: the breaking parts name their municipi.
    const reverse = await compareZonings(system, { a: aslId, b: provinces.zoningId! });
    expect(reverse.splitMunicipalities).toEqual([{ istatCode: ROMA, name: 'Roma', side: 'a', partCount: 3, isShareKnown: true }]);
    expect(reverse.breaking.filter((m) => m.istatCode === ROMA)).toEqual([]);
  });

  it('imports a split without shares (parts named only): people divided equally and said to be an estimate', async () => {
    const request: TZoningImportRequest = {
      name: 'Roma divisa senza quote (prova)',
      domain: 'social_assistance',
      coverage: 'partial',
      regionCodes: ['12'],
      format: 'csv',
      content: `zone_code,zone_name,istat_code,municipality_name\nN,Nord,${ROMA},Roma nord\nS,Sud,${ROMA},Roma sud\nS,Sud,058047,Fiumicino\n`,
    };
    const report = await importZoning(system, request);
    expect(report.splitMunicipalityCount).toBe(1);
    expect(report.problems.find((p) => p.kind === 'split_municipality')).toMatchObject({ severity: 'notice', istatCode: ROMA, line: 2 });
    const alignment = await compareZonings(system, { a: report.zoningId!, b: aslId });
    expect(alignment.splitMunicipalities).toEqual([{ istatCode: ROMA, name: 'Roma', side: 'both', partCount: 3, isShareKnown: false }]);
    const romaPeople = alignment.crosswalk.flatMap((row) => row.cells).reduce((sum, cell) => sum + cell.population, 0) - population.get('058047')!;
    expect(Math.abs(romaPeople - population.get(ROMA)!)).toBeLessThanOrEqual(6);
    expect(alignment.breaking.filter((m) => m.istatCode === ROMA).every((m) => m.isPopulationEstimated && m.partNote.startsWith('Roma'))).toBe(true);
    // Without the parts' names or populations, two zones for one municipality stay an error.
    await expect(importZoning(system, { ...request, name: 'Roma in due zone (prova)', content: `zone_code,zone_name,istat_code\nN,Nord,${ROMA}\nS,Sud,${ROMA}\n` })).rejects.toMatchObject({
      code: 'ZONINGS.INVALID_FILE',
    });
  });

  it("names each employment area after its most populous municipality, as a derived name", async () => {
    const employment = await getZoning(system, employmentId);
    const pinerolo = employment.zones.find((zone) => zone.code === '24')!;
    expect(pinerolo).toMatchObject({ name: 'Bacino 24 – Pinerolo', nameIsDerived: true });
    expect(employment.zones.every((zone) => zone.nameIsDerived && /^Bacino \d\d – /.test(zone.name))).toBe(true);
  });

  it('compares the employment areas of Piemonte with the ASL as counted from the two files', async () => {
    const employmentRows = rowsOf(REAL_ZONINGS.employmentAreas.file);
    const aslRows = rowsOf(REAL_ZONINGS.asl.file).filter((row) => row.zone_code!.startsWith('01'));
    const resolutions = await resolveZoningCodes(db.orm, [...new Set([...employmentRows, ...aslRows].map((row) => row.istat_code!))]);
    const current = (code: string) => {
      const resolution = resolutions.get(code)!;
      return resolution.kind === 'current' ? code : resolution.kind === 'succeeded' ? resolution.successorCode : null;
    };
    const aslOf = new Map(aslRows.flatMap((row) => (current(row.istat_code!) ? [[current(row.istat_code!)!, row.zone_name!] as const] : [])));
    const areaOf = new Map(employmentRows.flatMap((row) => (current(row.istat_code!) ? [[current(row.istat_code!)!, row.zone_code!] as const] : [])));
    const shared = [...areaOf.keys()].filter((code) => aslOf.has(code));
    // For each area: people per ASL; the main ASL has the most; the others' municipalities break coincidence.
    const byArea = new Map<string, Map<string, string[]>>();
    for (const code of shared) {
      const asls = byArea.get(areaOf.get(code)!) ?? new Map<string, string[]>();
      asls.set(aslOf.get(code)!, [...(asls.get(aslOf.get(code)!) ?? []), code]);
      byArea.set(areaOf.get(code)!, asls);
    }
    const people = (codes: string[]) => codes.reduce((sum, code) => sum + population.get(code)!, 0);
    const expectedBreaking: string[] = [];
    for (const asls of byArea.values()) {
      const [, ...others] = [...asls.values()].sort((x, y) => people(y) - people(x) || y.length - x.length);
      expectedBreaking.push(...others.flat());
    }

    const alignment = await compareZonings(system, { a: employmentId, b: aslId });
    expect(alignment.crosswalk).toHaveLength(30);
    expect(alignment.sharedMunicipalityCount).toBe(shared.length);
    expect(alignment.sharedPopulation).toBe(people(shared));
    expect(alignment.breaking.map((m) => m.istatCode).sort()).toEqual(expectedBreaking.sort());
    expect(alignment.breakingPopulation).toBe(people(expectedBreaking));
    expect(alignment.splitMunicipalities).toEqual([]);
    // Around Pinerolo: the area is mostly in ASL TO3; its municipalities elsewhere break coincidence.
    const pinerolo = alignment.crosswalk.find((row) => row.aZoneCode === '24')!;
    expect(pinerolo).toMatchObject({ aZoneName: 'Bacino 24 – Pinerolo' });
    expect(pinerolo.cells[0]).toMatchObject({ bZoneName: 'TO3', isMain: true });
    const aroundPinerolo = alignment.breaking.filter((m) => m.aZoneCode === '24');
    expect(aroundPinerolo.length).toBeGreaterThan(0);
    expect(aroundPinerolo.every((m) => m.mainBZoneName === 'TO3' && m.bZoneName !== 'TO3')).toBe(true);
  });

  it('reads a suppressed code as its successor and says so on its line', async () => {
    const employmentRows = rowsOf(REAL_ZONINGS.employmentAreas.file);
    const resolutions = await resolveZoningCodes(db.orm, employmentRows.map((row) => row.istat_code!));
    const suppressed = employmentRows.findIndex((row) => resolutions.get(row.istat_code!)!.kind === 'succeeded');
    expect(suppressed).toBeGreaterThanOrEqual(0);
    const resolution = resolutions.get(employmentRows[suppressed]!.istat_code!) as Extract<ReturnType<typeof resolutions.get>, { kind: 'succeeded' }>;
    const content = `zone_code,zone_name,istat_code\nX,Zona,${resolution.code}\n`;
    const report = await importZoning(system, { name: 'Un comune soppresso (prova)', domain: 'other', coverage: 'partial', regionCodes: ['01'], format: 'csv', content });
    expect(report.mappedCodeCount).toBe(1);
    const notice = report.problems.find((p) => p.kind === 'successor_code')!;
    expect(notice).toMatchObject({ severity: 'notice', line: 2, istatCode: resolution.code });
    expect(notice.message).toBe(`Line 2: ${resolution.code} ${resolution.name} merged into ${resolution.successorCode} ${resolution.successorName} on ${formatVariationDate(resolution.on!, 'en')}`);
    expect((await listZoningMunicipalities(system, report.zoningId!)).map((m) => m.istatCode)).toEqual([resolution.successorCode]);
    // The real load reported every suppressed row of the file, one notice per row.
    const checked = await importZoning(system, { ...REAL_ZONINGS.employmentAreas.request, regionCodes: ['01'], name: 'Bacini di nuovo (prova)', content: readRealZoning(REAL_ZONINGS.employmentAreas.file), dryRun: true });
    const suppressedRows = employmentRows.filter((row) => resolutions.get(row.istat_code!)!.kind === 'succeeded').length;
    expect(checked.problems.filter((p) => p.kind === 'successor_code')).toHaveLength(suppressedRows);
    expect(checked.mappedCodeCount).toBe(suppressedRows);
  });

  it('refuses a file with a municipality code nobody knows, naming its line', async () => {
    const error = await importZoning(system, {
      name: 'Codice sconosciuto (prova)',
      domain: 'other',
      coverage: 'partial',
      regionCodes: ['01'],
      format: 'csv',
      content: 'zone_code,zone_name,istat_code\nA,Zona A,001191\nA,Zona A,999999\n',
    }).then(() => null, (caught: unknown) => caught as { code: string; details: { report: { problems: { kind: string; line: number | null; istatCode: string | null }[] } } });
    expect(error?.code).toBe('ZONINGS.INVALID_FILE');
    expect(error!.details.report.problems).toContainEqual(expect.objectContaining({ kind: 'unknown_code', line: 3, istatCode: '999999' }));
    expect(await selectZoningIdByName(db.orm, 'Codice sconosciuto (prova)')).toBeNull();
  });
});
