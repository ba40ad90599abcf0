import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import { ANONYMOUS, systemActor } from '../../platform/access/actor';
import type { UseCaseContext } from '../../platform/use-case';
import { loadTerritoryFixture } from '../territory';
import { importOrganizations, previewOrganizationImport } from './import-organizations';
import { listOrganizations } from './list-organizations';
import { selectRegistryFingerprint } from './organizations.repository';

const EXAMPLE = readFileSync(new URL('../../../data/examples/organizzazioni-pinerolese.csv', import.meta.url));

/** A deterministic file of `count` rows: every 7th without fiscal code, every 11th repeating an earlier code, every 13th broken. */
function generatedFile(count: number): Buffer {
  const lines = ['denominazione,tipo,cf,comune_istat,addetti'];
  const codeOf = (i: number) => {
    const base = String(9_000_000_000 + i).padStart(10, '0');
    let sum = 0;
    for (let k = 0; k < 10; k += 1) {
      const d = Number(base[k]);
      sum += k % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
    }
    return base + String((10 - (sum % 10)) % 10);
  };
  for (let i = 1; i <= count; i += 1) {
    const municipality = ['001191', '001275', '001139'][i % 3];
    if (i % 13 === 0) lines.push(`Riga rotta ${i},impresa,12345,${municipality},3`);
    else if (i % 11 === 0) lines.push(`Impresa ${i - 5} aggiornata,impresa,${codeOf(i - 5)},${municipality},${i % 300}`);
    else if (i % 7 === 0) lines.push(`Associazione numero ${i % 5},aps,,${municipality},`);
    else lines.push(`Impresa ${i},impresa,${codeOf(i)},${municipality},${i % 300}`);
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

describe('organizations import', () => {
  let db: TestDatabase;
  let context: UseCaseContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadTerritoryFixture(db);
    context = { actor: systemActor('test'), db, requestId: null };
  });
  afterAll(() => db.destroy());

  it('proposes a mapping from the Italian headers of the example file', async () => {
    const preview = await previewOrganizationImport(context, EXAMPLE);
    expect(preview).toMatchObject({ encoding: 'utf-8', delimiter: ';', totalRows: 15, isMappingRemembered: false });
    expect(preview.mapping).toMatchObject({ ragione_sociale: 'legalName', codice_fiscale: 'fiscalCode', comune: 'municipality', dipendenti: 'employees' });
  });

  it('dry-runs the example with a per-row report and writes nothing', async () => {
    const report = await importOrganizations(context, { fileName: 'esempio.csv', content: EXAMPLE, isDryRun: true });
    expect(report).toMatchObject({ isDryRun: true, totalRows: 15, created: 9, updated: 1, flagged: 1 });
    expect(report.rejected.map((r) => r.line)).toEqual([13, 14, 15, 16]);
    expect(report.rejected[0]!.reason).toMatch(/^codice_fiscale: .*should be 1, not 2/);
    expect(report.rejected[1]!.reason).toContain('comune: unknown municipality "Atlantide"');
    expect(report.rejected[2]!.reason).toMatch(/^tipo: /);
    expect(report.rejected[3]!.reason).toMatch(/^ateco: /);
    expect((await db.pool.query('select count(*)::int as n from organizations')).rows[0].n).toBe(0);
  });

  it('imports the example as the dry run said, updating by fiscal code and flagging the probable duplicate', async () => {
    const report = await importOrganizations(context, { fileName: 'esempio.csv', content: EXAMPLE });
    expect(report).toMatchObject({ status: 'completed', processedRows: 15, created: 9, updated: 1, flagged: 1 });
    expect(report.rejected).toHaveLength(4);
    const ponte = (await db.pool.query("select phone, website, size_class, municipality_code from organizations where fiscal_code = '94512300016'")).rows;
    expect(ponte).toEqual([{ phone: '0121 000002', website: 'https://ilponte.example', size_class: 'small', municipality_code: '001191' }]);
    const flags = await db.pool.query(`
      select o.legal_name as organization, c.legal_name as candidate from organization_duplicate_flags f
      join organizations o on o.id = f.organization_id join organizations c on c.id = f.candidate_organization_id`);
    expect(flags.rows).toEqual([{ organization: 'Associazione Amici Val Pellice (esempio)', candidate: 'Associazione Amici della Val Pellice (esempio)' }]);
    const omc = (await db.pool.query("select size_class, sector, tags from organizations where fiscal_code = '10234560018'")).rows[0];
    expect(omc).toEqual({ size_class: 'large', sector: 'private', tags: ['welfare aziendale'] });
  });

  it('imports the same file again as updates only: no duplicates', async () => {
    const before = (await db.pool.query('select count(*)::int as n from organizations')).rows[0].n;
    const report = await importOrganizations(context, { fileName: 'esempio.csv', content: EXAMPLE });
    // Every row with a fiscal code updates its organization; the three without one are flagged as probable duplicates.
    expect(report).toMatchObject({ created: 0, updated: 8, flagged: 3 });
    expect((await db.pool.query('select count(*)::int as n from organizations where fiscal_code is not null')).rows[0].n).toBe(7);
    expect((await db.pool.query('select count(*)::int as n from organizations')).rows[0].n).toBe(before + 3);
  });

  it('reads a Windows-1252 file with commas and remembers the mapping of its shape', async () => {
    const text = 'Nome ente,Tipologia,Partita IVA,Città\r\nAssociazione Età Libera (esempio),odv,,Pinerolo\r\n';
    const bytes = Buffer.from(text, 'latin1'); // Windows-1252 and Latin-1 agree on accented letters
    const preview = await previewOrganizationImport(context, bytes);
    expect(preview).toMatchObject({ encoding: 'windows-1252', delimiter: ',', headers: ['Nome ente', 'Tipologia', 'Partita IVA', 'Città'] });
    const mapping = { 'Nome ente': 'legalName', Tipologia: 'kind', 'Partita IVA': 'vatNumber', 'Città': 'municipality' } as const;
    const report = await importOrganizations(context, { fileName: 'w1252.csv', content: bytes, mapping });
    expect(report).toMatchObject({ created: 1, rejected: [] });
    expect((await db.pool.query("select legal_name from organizations where legal_name like '%Libera%'")).rows[0].legal_name).toBe('Associazione Età Libera (esempio)');
    expect(await previewOrganizationImport(context, bytes)).toMatchObject({ isMappingRemembered: true, mapping });
  });

  it('refuses a mapping without the legal name, naming the problem', async () => {
    await expect(importOrganizations(context, { fileName: 'x.csv', content: EXAMPLE, isDryRun: true, mapping: { tipo: 'kind' } })).rejects.toMatchObject({
      code: 'COMMON.VALIDATION', message: expect.stringContaining('legalName'),
    });
  });
});

describe('a killed import, resumed, ends like an uninterrupted one', () => {
  let clean: TestDatabase;
  let interrupted: TestDatabase;
  const file = generatedFile(2000);

  beforeAll(async () => {
    [clean, interrupted] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await loadTerritoryFixture(clean);
    await loadTerritoryFixture(interrupted);
  });
  afterAll(async () => {
    await clean.destroy();
    await interrupted.destroy();
  });

  it('resumes after a crash in the middle of a batch and after one between batches', async () => {
    const cleanContext = { actor: systemActor('test'), db: clean, requestId: null };
    const cleanReport = await importOrganizations(cleanContext, { fileName: 'big.csv', content: file, batchSize: 100 });
    expect(cleanReport).toMatchObject({ status: 'completed', processedRows: 2000 });
    expect(cleanReport.updated).toBeGreaterThan(50);
    expect(cleanReport.flagged).toBeGreaterThan(50);

    const context = { actor: systemActor('test'), db: interrupted, requestId: null };
    // First run dies inside the 4th batch's transaction, after its rows were written but before it committed.
    await expect(
      importOrganizations(context, {
        fileName: 'big.csv', content: file, batchSize: 100,
        beforeBatchCommit: (index) => {
          if (index === 3) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const afterCrash = (await interrupted.pool.query('select next_row, status from organization_imports')).rows[0];
    expect(afterCrash.next_row).toBe(300);
    // Second run (resumed) dies between batches; the third one finishes.
    await expect(
      importOrganizations(context, {
        fileName: 'big.csv', content: file, resume: true,
        beforeBatchCommit: (index) => {
          if (index === 4) throw new Error('killed again');
        },
      }),
    ).rejects.toThrow('killed again');
    const resumed = await importOrganizations(context, { fileName: 'big.csv', content: file, resume: true });

    expect(resumed).toMatchObject({ status: 'completed', processedRows: 2000, created: cleanReport.created, updated: cleanReport.updated, flagged: cleanReport.flagged });
    expect(resumed.rejected).toEqual(cleanReport.rejected);
    expect(await selectRegistryFingerprint(interrupted.orm)).toEqual(await selectRegistryFingerprint(clean.orm));
    await expect(importOrganizations(context, { fileName: 'big.csv', content: file, resume: true })).rejects.toMatchObject({ code: 'ORGANIZATIONS.NOTHING_TO_RESUME' });
  });

  it('pages through more than a thousand search matches in name order', async () => {
    const anonymous = { actor: ANONYMOUS, db: interrupted, requestId: null };
    const first = await listOrganizations(anonymous, { q: 'impresa', limit: 50 });
    expect(first).toMatchObject({ isTotalCapped: true, total: 1000 });
    const second = await listOrganizations(anonymous, { q: 'impresa', limit: 50, cursor: first.nextCursor! });
    const expected = await interrupted.pool.query(`
      select legal_name from organizations where status = 'active' and search_vector @@ to_tsquery('italian', 'impresa:*')
      order by name_folded, id limit 100`);
    expect([...first.items, ...second.items].map((o) => o.legalName)).toEqual(expected.rows.map((r) => r.legal_name));
    const few = await listOrganizations(anonymous, { q: 'associazione quartiere', limit: 50 });
    expect(few.isTotalCapped).toBe(false);
    expect(few.items.length).toBe(few.total);
  });

  it('a dry run of the generated file predicts the real import', async () => {
    const context = { actor: systemActor('test'), db: clean, requestId: null };
    await clean.pool.query('truncate organizations cascade');
    const dry = await importOrganizations(context, { fileName: 'big.csv', content: file, isDryRun: true, batchSize: 100 });
    const real = (await clean.pool.query('select created_count, updated_count, flagged_count from organization_imports')).rows[0];
    expect({ created: dry.created, updated: dry.updated, flagged: dry.flagged }).toEqual({ created: real.created_count, updated: real.updated_count, flagged: real.flagged_count });
  });
});
