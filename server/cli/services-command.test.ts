import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `distretto services …` as an operator runs it, on a fresh embedded database with the demo seeded. */
describe('distretto services', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'distretto-services-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/distretto.mjs', ...args], {
      env: { ...process.env, DISTRETTO_DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 240_000,
    });

  it('refuses an unknown export format with exit code 2', () => {
    const result = run('services', 'export', '--format', 'xml');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the only format is "hsds"');
  });

  it('imports the example CSV after a dry run, and exports the directory as HSDS', { timeout: 600_000 }, () => {
    expect(run('demo', 'seed').status).toBe(0);
    const dryRun = run('services', 'import', 'data/examples/servizi-pinerolese.csv', '--dry-run');
    expect(dryRun.status, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toContain('line 2: ok  Pasti caldi a domicilio');
    expect(dryRun.stdout).toContain('3 row(s), 3 valid, 0 with errors (dry run, nothing written)');
    const imported = run('services', 'import', 'data/examples/servizi-pinerolese.csv');
    expect(imported.stdout).toContain('3 created');
    const again = run('services', 'import', 'data/examples/servizi-pinerolese.csv');
    expect(again.status).toBe(3); // invalid input: every row is now a duplicate
    expect(again.stdout).toContain('line 3: ERROR Corso di informatica per over 65 — name: this organization already has a service with this name');
    const output = join(dataDir, 'hsds.json');
    const exported = run('services', 'export', '--format', 'hsds', '-o', output);
    expect(exported.status, exported.stderr).toBe(0);
    const data = JSON.parse(readFileSync(output, 'utf8'));
    expect(data.services).toHaveLength(17);
    expect(data.taxonomy_terms.length).toBeGreaterThan(40);
    // Without --now the rebuild is a job for a worker, queued once however often it is asked for.
    const queued = run('services', 'rebuild-supply');
    expect(queued.status, queued.stderr).toBe(0);
    expect(queued.stdout).toMatch(/Rebuild of the stored supply queued as job \d+/);
    expect(run('services', 'rebuild-supply').stdout).toContain('already queued or running');
    // The imported services already count in the stored supply; a rebuild recomputes it all and says what it did.
    const rebuilt = run('services', 'rebuild-supply', '--now');
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toMatch(/Stored supply rebuilt: 17 services over \d+ municipalities at 0, 5, 10, 20 km/);
  });
});
