import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

describe('distretto referrals remind', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'distretto-referrals-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/distretto.mjs', ...args], { env: { ...process.env, DISTRETTO_DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 120_000 });

  it('refuses a bad number of days with exit code 2, and on a database without referrals queues nothing', () => {
    const bad = run('referrals', 'remind', '--days', '0');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('must be a whole number of days');
    const ok = run('referrals', 'remind');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('No referral waits for a reminder');
  }, 120_000);
});
