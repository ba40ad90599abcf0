import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../platform/testing/test-database';

/** The `distretto` command as an operator runs it: a real process, its output and its exit code. */
describe('distretto CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'distretto-cli-'));
  // On PostgreSQL the commands get a database of their own: what other runs left in DATABASE_URL's must not matter.
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> = null;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });
  afterAll(async () => {
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const commandEnvironment = () => ({ ...process.env, DISTRETTO_DATA_DIR: dataDir, ...(scratch ? { DATABASE_URL: scratch.url } : {}) });
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/distretto.mjs', ...args], {
      env: commandEnvironment(),
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('prints help with the commands and the exit codes', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    for (const command of ['serve', 'db', 'territory', 'demo', 'users']) expect(help.stdout).toContain(command);
    expect(help.stdout).toContain('Exit codes');
  });

  it('refuses bad flags with exit code 2 and says why', () => {
    const badRegion = run('territory', 'import', '--regions', '1,08');
    expect(badRegion.status).toBe(2);
    expect(badRegion.stderr).toContain('"1" is not a two-digit ISTAT region code');
    const badPort = run('serve', '--port', 'eighty');
    expect(badPort.status).toBe(2);
    expect(run('no-such-command').status).toBe(2);
  });

  it('refuses a bad environment variable naming it', () => {
    const result = spawnSync(process.execPath, ['bin/distretto.mjs', 'db', 'status'], {
      env: { ...process.env, DATABASE_URL: 'mysql://nope', DISTRETTO_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL: must start with postgres://');
  });

  it('migrates, reports status, and refuses a weak administrator password with exit code 3', () => {
    const migrateRun = run('db', 'migrate');
    expect(migrateRun.status).toBe(0);
    const status = run('db', 'status');
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/\d+ applied, 0 pending/);
    const weak = spawnSync(process.execPath, ['bin/distretto.mjs', 'users', 'create-admin', '--email', `weak-${Date.now()}@example.test`], {
      env: { ...commandEnvironment(), DISTRETTO_ADMIN_PASSWORD: 'short' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(weak.status).toBe(3);
    expect(weak.stderr).toContain('password must be at least 12 characters');
    // Three cold starts of the command, each migrating or opening the embedded database: over a minute on a loaded machine.
  }, 360_000);

  it('audit verify: prints OK with the number of entries and the head hash of an intact chain', () => {
    const verify = run('audit', 'verify');
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/OK: \d+ entries, chain intact up to seq \d+ \(head hash [0-9a-f]{64}\)/);
  });

  it('db grant-app-role: refuses the embedded database (it has no roles) with exit code 2', () => {
    const result = spawnSync(process.execPath, ['bin/distretto.mjs', 'db', 'grant-app-role', 'distretto_app'], {
      env: { ...process.env, DATABASE_URL: '', DISTRETTO_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('grant-app-role needs DATABASE_URL');
  });
});
