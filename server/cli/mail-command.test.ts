import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

describe('distretto mail deliver', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'distretto-mail-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/distretto.mjs', ...args], { env: { ...process.env, DISTRETTO_DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 120_000 });

  it('refuses a bad limit with exit code 2, and without SMTP settings sends nothing', () => {
    const bad = run('mail', 'deliver', '--limit', '0');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('must be a whole number from 1 to 10000');
    const ok = run('mail', 'deliver');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('0 sent, 0 failed, 0 still waiting');
  }, 120_000);
});
