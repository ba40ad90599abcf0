import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access/actor';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import type { UseCaseContext } from '../../platform/use-case';
import { loadTerritoryFixture } from '../territory';
import { importOrganizations, previewOrganizationImport } from './import-organizations';

const CSV = 'ragione_sociale;tipo;comune\nCircolo di Agliè (esempio);aps;Pinerolo\nBar Caffè (esempio);impresa;Pinerolo\n';

/** Issue 11, CSV encodings and NUL characters, through the organizations import (the same reader serves every import). */
describe('organizations import: encodings and bad bytes', () => {
  let db: TestDatabase;
  let context: UseCaseContext;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadTerritoryFixture(db);
    context = { actor: systemActor('test'), db, requestId: null };
  });
  afterAll(() => db.destroy());

  it('CSV encodings: a UTF-16 file (Excel "Unicode text") is read and its columns mapped, saying UTF-16', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')]);
    const preview = await previewOrganizationImport(context, bytes);
    expect(preview).toMatchObject({ encoding: 'utf-16le', headers: ['ragione_sociale', 'tipo', 'comune'] });
    const report = await importOrganizations(context, { fileName: 'unicode.csv', content: bytes, isDryRun: true });
    expect(report).toMatchObject({ created: 2, rejected: [] });
  });

  it('CSV encodings: one invalid UTF-8 byte no longer turns the valid rows into "AgliÃ¨": the mixed file is refused naming line 3', async () => {
    const bytes = Buffer.concat([Buffer.from('ragione_sociale;tipo;comune\nCircolo di Agliè (esempio);aps;Pinerolo\n', 'utf8'), Buffer.from('Bar Caffè (esempio);impresa;Pinerolo\n', 'latin1')]);
    await expect(previewOrganizationImport(context, bytes)).rejects.toMatchObject({ code: 'IMPORT.UNREADABLE_TEXT', message: expect.stringContaining('line 3') });
    await expect(importOrganizations(context, { fileName: 'mixed.csv', content: bytes, isDryRun: true })).rejects.toMatchObject({ code: 'IMPORT.UNREADABLE_TEXT' });
    expect((await db.pool.query("select count(*)::int as n from organizations where legal_name like 'Circolo di Agli%'")).rows[0].n).toBe(0);
  });

  it('NUL characters: a NUL in an imported CSV is a 422 naming its line (the dry run answered 500 and the CLI printed SQL)', async () => {
    const bytes = Buffer.from(CSV.replace('Bar Caffè', 'Bar\u0000Caffè'), 'utf8');
    await expect(importOrganizations(context, { fileName: 'nul.csv', content: bytes, isDryRun: true })).rejects.toMatchObject({
      code: 'IMPORT.UNREADABLE_TEXT',
      message: expect.stringContaining('line 3'),
    });
  });
});
