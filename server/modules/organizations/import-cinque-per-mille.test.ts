import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiscalCode } from '../../../common/domain/fiscal-code';
import { systemActor } from '../../platform/access/actor';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import type { UseCaseContext } from '../../platform/use-case';
import { loadTerritoryFixture } from '../territory';
import { importOrganizations, previewOrganizationImport } from './import-organizations';
import { listOrganizations } from './list-organizations';
import { convertRow, municipalityLookupOf, suggestMapping } from './organizations.importer';

/** The real list: 6,326 organizations of Piemonte admitted to the 5x1000 in 2022 (Agenzia delle Entrate, onData). */
const PIEMONTE = readFileSync(new URL('../../../data/organizations/cinque-per-mille-2022-piemonte.csv', import.meta.url));
const PIEMONTE_ROWS = parse(PIEMONTE, { columns: true }) as Record<string, string>[];
const HEADER = 'codice_fiscale,denominazione,pr,nome_comune,codice_comune,ets_e_onlus,asd,ricerca_scientifica,ricerca_sanitaria,comuni,beni_culturali_e_paesaggistici,enti_gestori_aree_protette,numero_scelte,importo_totale_erogabile';
const SOURCE = 'Agenzia delle Entrate – elenchi 5x1000 2022 (onData)';
const file = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'), 'utf8');

describe('the 5x1000 list, row by row (no database)', () => {
  const headers = HEADER.split(',');
  const mapping = suggestMapping(headers);

  it('maps the list columns without a mapping step, and leaves the kind to be proposed', () => {
    expect(mapping).toMatchObject({
      codice_fiscale: 'fiscalCode', denominazione: 'legalName', codice_comune: 'municipality', nome_comune: null, pr: null,
      ets_e_onlus: 'listThirdSector', asd: 'listSportsClub', ricerca_scientifica: 'listScientificResearch', ricerca_sanitaria: 'listHealthResearch',
      comuni: 'listMunicipalities', beni_culturali_e_paesaggistici: 'listCulturalHeritage', enti_gestori_aree_protette: 'listProtectedAreas',
      numero_scelte: null, importo_totale_erogabile: null,
    });
    expect(Object.values(mapping)).not.toContain('kind');
  });

  it('accepts every real fiscal code of the list: 11-digit codes of bodies and 16-character personal ones', () => {
    expect(PIEMONTE_ROWS).toHaveLength(6326);
    const refused = PIEMONTE_ROWS.filter((row) => !checkFiscalCode(row.codice_fiscale!).isValid);
    expect(refused).toEqual([]);
    const kinds = new Set(PIEMONTE_ROWS.map((row) => (checkFiscalCode(row.codice_fiscale!) as { kind: string }).kind));
    expect(kinds).toEqual(new Set(['numeric']));
  });

  it('maps a suppressed municipality code to its successor with a note, and refuses a ceased or unknown one', () => {
    const lookup = municipalityLookupOf([], [
      { kind: 'current', code: '001191', name: 'Pinerolo' },
      { kind: 'succeeded', code: '005079', name: 'Moransengo', successorCode: '005122', successorName: 'Moransengo-Tonengo', on: '2023-02-15', reason: 'merged' },
      { kind: 'ceased', code: '001999', name: 'Antico', ceasedOn: '1928-01-01' },
    ]);
    const row = (code: string) => convertRow(`80005300050,MORANSENGO,AT,MORANSENGO,${code},,,,,X,,,14,250.42`.split(','), headers, mapping, lookup);
    expect(row('005079')).toMatchObject({
      ok: true, input: { municipalityCode: '005122', kind: 'municipality' },
      note: 'codice_comune: 005079 Moransengo merged into 005122 Moransengo-Tonengo on 15 Feb 2023; imported with 005122',
    });
    expect(row('001191')).toMatchObject({ ok: true, input: { municipalityCode: '001191' }, note: null });
    expect(row('001999')).toEqual({
      ok: false, reason: 'codice_comune: 001999 Antico ceased on 1 Jan 1928, the municipality that took its territory cannot be derived from the sources; give the current municipality',
    });
    expect(row('099999')).toEqual({ ok: false, reason: 'codice_comune: unknown ISTAT code 099999' });
  });

  it('applies the kind confirmed for a group, and the proposed one otherwise', () => {
    const lookup = municipalityLookupOf([], [{ kind: 'current', code: '001191', name: 'Pinerolo' }]);
    const club = 'X,A.S.D. PINEROLO,TO,PINEROLO,001191,,X,,,,,,3,10.00'.split(',');
    club[0] = '94512300016';
    expect(convertRow(club, headers, mapping, lookup)).toMatchObject({ ok: true, input: { kind: 'other_third_sector' }, inferred: { reason: 'sports_club', kind: 'other_third_sector', legalName: 'A.S.D. PINEROLO' } });
    expect(convertRow(club, headers, mapping, lookup, { sports_club: 'informal_group' })).toMatchObject({ ok: true, input: { kind: 'informal_group' }, inferred: { reason: 'sports_club', kind: 'other_third_sector' } });
    expect(convertRow(club, headers, mapping, lookup, { odv: 'aps' })).toMatchObject({ ok: true, input: { kind: 'other_third_sector' } });
    const nothing = ['94512300016', 'CITTADINI NEL MONDO', 'TO', 'PINEROLO', '001191', '', '', '', '', '', '', '', '0', '0'];
    expect(convertRow(nothing, headers, mapping, lookup)).toMatchObject({ ok: false, reason: expect.stringMatching(/^kind: neither the name nor the 5x1000 lists/) });
  });
});

describe('importing the 5x1000 list of Piemonte', () => {
  let db: TestDatabase;
  let context: UseCaseContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadTerritoryFixture(db);
    context = { actor: systemActor('test'), db, requestId: null };
  });
  afterAll(() => db.destroy());

  it('recognizes the list and proposes its public source', async () => {
    const preview = await previewOrganizationImport(context, PIEMONTE);
    expect(preview).toMatchObject({ totalRows: 6326, suggestedSource: 'Agenzia delle Entrate – elenchi 5x1000 (onData)' });
  });

  it('rejects a file with an unknown municipality code with its line, and writes nothing', async () => {
    const content = file('97519070011,FONDAZIONE PIEMONTESE PER LA RICERCA SUL CANCRO - ONLUS,TO,CANDIOLO,001051,X,,X,X,,,,262770,12410217.06', '94512300016,ASSOCIAZIONE FANTASMA ODV,TO,ATLANTIDE,001999,X,,,,,,,1,1.00');
    const report = await importOrganizations(context, { fileName: 'x.csv', content, acceptInferredKinds: true, source: SOURCE, isSingleTransaction: true });
    expect(report.rejected).toEqual([{ line: 3, reason: 'codice_comune: unknown ISTAT code 001999' }]);
    expect(report).toMatchObject({ created: 1, kindInferred: 1 });
    const { rows } = await db.pool.query("select legal_name, kind, source, municipality_code from organizations where fiscal_code in ('97519070011', '94512300016')");
    expect(rows).toEqual([{ legal_name: 'FONDAZIONE PIEMONTESE PER LA RICERCA SUL CANCRO - ONLUS', kind: 'foundation', source: SOURCE, municipality_code: '001051' }]);
    await db.pool.query("delete from organizations where fiscal_code = '97519070011'");
  });

  it('maps a suppressed municipality code of the file to its successor, with a note on the row', async () => {
    // Gattico (003071) and Veruno (003157) merged into Gattico-Veruno (003166) on 1 Jan 2019 (ANPR's history of codes).
    const content = file('93000000013,GATTICO,NO,GATTICO,003071,,,,,X,,,1,1.00', '84003590019,ASSOCIAZIONE AMICI DI VERUNO ODV,NO,VERUNO,003157,X,,,,,,,1,1.00');
    const report = await importOrganizations(context, { fileName: 'x.csv', content, acceptInferredKinds: true, source: SOURCE });
    expect(report.rejected).toEqual([]);
    expect(report.notes).toEqual([
      { line: 2, note: 'codice_comune: 003071 Gattico merged into 003166 Gattico-Veruno on 1 Jan 2019; imported with 003166' },
      { line: 3, note: 'codice_comune: 003157 Veruno merged into 003166 Gattico-Veruno on 1 Jan 2019; imported with 003166' },
    ]);
    const stored = await db.pool.query("select municipality_code from organizations where fiscal_code in ('93000000013', '84003590019')");
    expect(stored.rows).toEqual([{ municipality_code: '003166' }, { municipality_code: '003166' }]);
    await db.pool.query("delete from organizations where fiscal_code in ('93000000013', '84003590019')");
  });

  it('dry-runs the whole list: every kind proposed, grouped, every fiscal code accepted, no row rejected', async () => {
    const report = await importOrganizations(context, { fileName: 'piemonte.csv', content: PIEMONTE, isDryRun: true, source: SOURCE });
    const rejectedLines = report.rejected.map((r) => r.line);
    // Moransengo-Tonengo (005122) was born in 2023: the 2020 list refuses its 3 rows, the 2026 one knows it.
    const knowsMoransengoTonengo = (await db.pool.query("select count(*)::int as n from municipalities where istat_code = '005122'")).rows[0].n === 1;
    expect(report.rejected).toEqual(knowsMoransengoTonengo ? [] : [4861, 5474, 5706].map((line) => ({ line, reason: 'codice_comune: unknown ISTAT code 005122' })));
    expect(report.created + report.updated + report.flagged + rejectedLines.length).toBe(6326);
    expect(report.kindInferred).toBe(6326 - rejectedLines.length);
    expect(report.inferredKinds.reduce((sum, group) => sum + group.count, 0)).toBe(report.kindInferred);
    expect(report.inferredKinds.find((group) => group.reason === 'municipality_list')).toMatchObject({ proposedKind: 'municipality', kind: 'municipality', count: 1182 - rejectedLines.length });
    expect(report.inferredKinds.find((group) => group.reason === 'odv')).toMatchObject({ proposedKind: 'odv', count: 1669, examples: expect.arrayContaining([expect.stringContaining('ODV')]) });
    expect((await db.pool.query('select count(*)::int as n from organizations')).rows[0].n).toBe(0);
  });

  it('refuses to write proposed kinds nobody confirmed', async () => {
    await expect(importOrganizations(context, { fileName: 'piemonte.csv', content: PIEMONTE, source: SOURCE })).rejects.toMatchObject({ code: 'ORGANIZATIONS.KINDS_NOT_CONFIRMED' });
    expect((await db.pool.query('select count(*)::int as n from organization_imports')).rows[0].n).toBe(2);
  });

  it('imports the whole list with the kinds confirmed and corrected, counted as "kind inferred", each with its source', async () => {
    const progress: number[] = [];
    const report = await importOrganizations(context, {
      fileName: 'piemonte.csv', content: PIEMONTE, source: SOURCE, kindChoices: { sports_club: 'informal_group' }, onProgress: (done) => progress.push(done),
    });
    expect(report.status).toBe('completed');
    expect(report.kindInferred).toBe(6326 - report.rejected.length);
    expect(report.created + report.flagged).toBe(6326 - report.rejected.length);
    expect(progress.at(-1)).toBe(6326);
    const byKind = Object.fromEntries((await db.pool.query('select kind, count(*)::int as n from organizations group by kind')).rows.map((r: { kind: string; n: number }) => [r.kind, r.n]));
    expect(byKind).toMatchObject({ municipality: 1182 - report.rejected.length, odv: 1669, informal_group: 848 });
    expect((await db.pool.query('select count(*)::int as n from organizations where source is distinct from $1', [SOURCE])).rows[0].n).toBe(0);
    const pinerolo = await listOrganizations({ actor: systemActor('test'), db, requestId: null }, { q: 'pinerolo', municipalityCode: '001191', limit: 50 });
    expect(pinerolo.items.length).toBeGreaterThan(10);
    expect(pinerolo.items.every((item) => item.source === SOURCE)).toBe(true);
    const stored = (await db.pool.query('select kind_inferred_count, kind_choices, source from organization_imports where id = $1', [report.importId])).rows[0];
    expect(stored).toEqual({ kind_inferred_count: report.kindInferred, kind_choices: { sports_club: 'informal_group' }, source: SOURCE });
  });
});
