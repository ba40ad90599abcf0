import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { numericCheckDigit } from '../../common/domain/fiscal-code';
import { systemActor } from '../platform/access/actor';
import { connectEmbedded, connectPostgres, type Database } from '../platform/db/database';
import { createScratchDatabase, createTestDatabase } from '../platform/testing/test-database';
import { importOrganizations } from '../modules/organizations';
import { loadTerritoryFixture } from '../modules/territory';

const ROWS = 4000;
const BATCH = 40;

/** Rows with and without fiscal codes, repeated codes (updates) and broken rows, over three Pinerolese municipalities. */
function bigFile(): string {
  const lines = ['ragione_sociale;tipo;codice_fiscale;comune'];
  const code = (i: number) => {
    const base = String(2_000_000 + i) + '001';
    return base + numericCheckDigit(base);
  };
  for (let i = 1; i <= ROWS; i += 1) {
    const place = ['001191', '001275', '001139'][i % 3];
    if (i % 17 === 0) lines.push(`Riga senza tipo ${i};;${code(i)};${place}`);
    else if (i % 10 === 0) lines.push(`Impresa ${i - 3} (aggiornata);impresa;${code(i - 3)};${place}`);
    else if (i % 9 === 0) lines.push(`Associazione del quartiere ${i % 4};aps;;${place}`);
    else lines.push(`Impresa ${i};impresa;${code(i)};${place}`);
  }
  return lines.join('\n');
}

async function fingerprint(db: Database) {
  const result = await db.pool.query(`
    select
      (select md5(string_agg(concat_ws('|', legal_name, fiscal_code, municipality_code, kind, version, status), E'\\n' order by legal_name, fiscal_code, municipality_code)) from organizations) as organizations,
      (select count(*)::int from organizations) as count,
      (select count(*)::int from organization_duplicate_flags) as flags,
      (select count(*)::int from organization_versions) as versions`);
  return result.rows[0];
}

/** `distretto organizations import` killed with SIGKILL in the middle, then `--resume`d, as an operator would. */
describe('distretto organizations import, killed and resumed', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'distretto-org-cli-'));
  const file = join(dataDir, 'organizzazioni.csv');
  writeFileSync(file, bigFile());
  let serverDatabase: { url: string; drop: () => Promise<void> } | null = null;
  afterAll(async () => {
    await serverDatabase?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function environment(): Promise<NodeJS.ProcessEnv> {
    const env: NodeJS.ProcessEnv = { ...process.env, DISTRETTO_DATA_DIR: dataDir };
    serverDatabase = await createScratchDatabase();
    return serverDatabase ? { ...env, DATABASE_URL: serverDatabase.url } : env;
  }

  it('ends in the same state as an uninterrupted import', async () => {
    const env = await environment();
    const args = ['bin/distretto.mjs', 'organizations', 'import', file, '--batch-size', String(BATCH)];
    // First run: killed once a few batches have committed.
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // Killed as soon as it reports committed rows (a tenth of the file): however fast the machine, most batches remain.
    await new Promise<void>((resolve, reject) => {
      const onExit = () => reject(new Error(`import ended before it was killed:\n${output}`));
      child.once('exit', onExit);
      child.stderr.on('data', () => {
        const committed = [...output.matchAll(/import: (\d+)\//g)].some((match) => Number(match[1]) > 0);
        if (committed && !child.killed) {
          child.off('exit', onExit);
          child.kill('SIGKILL');
          child.once('exit', () => resolve());
        }
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the embedded database child notices and stops

    const resumed = spawnSync(process.execPath, [...args.slice(0, 4), '--resume'], { env, encoding: 'utf8', timeout: 300_000 });
    expect(resumed.status, resumed.stderr).toBe(0);
    const resumedFrom = Number(/import: (\d+)\//.exec(resumed.stderr)?.[1]);
    expect(resumedFrom).toBeGreaterThan(0);
    expect(resumedFrom).toBeLessThan(ROWS);
    expect(resumedFrom % BATCH).toBe(0);
    expect(resumed.stdout).toContain(': completed');

    const killed = process.env.DATABASE_URL
      ? connectPostgres(serverDatabase!.url, { queryTimeoutMs: 60_000, max: 2 })
      : await connectEmbedded(join(dataDir, 'pgdata'), { queryTimeoutMs: 60_000, max: 2 });
    const clean = await createTestDatabase();
    try {
      await loadTerritoryFixture(clean);
      const report = await importOrganizations({ actor: systemActor('test'), db: clean, requestId: null }, {
        fileName: 'organizzazioni.csv', content: Buffer.from(bigFile()), batchSize: BATCH,
      });
      expect(report.rejected.length).toBeGreaterThan(0);
      expect(report.flagged).toBeGreaterThan(0);
      expect(report.updated).toBeGreaterThan(0);
      expect(resumed.stdout).toContain(`${report.created} were created, ${report.updated} were updated (same fiscal code), ${report.flagged} were flagged`);
      expect(await fingerprint(killed)).toEqual(await fingerprint(clean));
    } finally {
      await killed.close();
      await clean.destroy();
    }
  }, 400_000);
});
