import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderLockedError, lockDataFolder } from './data-folder-lock';

describe('data folder lock', () => {
  const folders: string[] = [];
  const newFolder = () => {
    const folder = mkdtempSync(join(tmpdir(), 'distretto-lock-'));
    folders.push(folder);
    return folder;
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('makes a second process on the same folder refuse to start, with a clear message and exit code 4', () => {
    const dataDir = newFolder();
    const lock = lockDataFolder(dataDir);
    try {
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'db', 'status'], {
        env: { ...process.env, DISTRETTO_DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).toBe(4);
      expect(second.stderr).toContain(`is in use by another Distretto process (pid ${process.pid})`);
      expect(existsSync(join(dataDir, 'pgdata'))).toBe(false); // it never touched the database
    } finally {
      lock.release();
    }
  });

  it('refuses a second lock from the same process too', () => {
    const dataDir = newFolder();
    const lock = lockDataFolder(dataDir);
    expect(() => lockDataFolder(dataDir)).toThrow(DataFolderLockedError);
    lock.release();
    lockDataFolder(dataDir).release();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dataDir = newFolder();
    const finished = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dataDir, 'distretto.lock'), finished.stdout);
    const lock = lockDataFolder(dataDir);
    expect(readFileSync(join(dataDir, 'distretto.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(existsSync(join(dataDir, 'distretto.lock'))).toBe(false);
  });
});
