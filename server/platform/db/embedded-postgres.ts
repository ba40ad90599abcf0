import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EmbeddedPostgres {
  /** Folder holding the `.s.PGSQL.5432` socket: pass as `host` to `pg`. */
  socketDir: string;
  stop(): Promise<void>;
}

const CHILD_ENTRY = fileURLToPath(new URL('./pglite-process.ts', import.meta.url));
const START_TIMEOUT_MS = 120_000;

/**
 * Starts PGlite in a child process behind its socket server. `dataDir` is a folder on disk, or `memory://` for a
 * throw-away database (tests). The caller must hold the data-folder lock for an on-disk folder.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short temporary folder.
  const socketDir = mkdtempSync(join(tmpdir(), 'distretto-pg-'));
  const child: ChildProcess = fork(CHILD_ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PGLITE_DATA_DIR: dataDir, PGLITE_SOCKET_PATH: join(socketDir, '.s.PGSQL.5432') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  await new Promise<void>((resolveReady, rejectReady) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectReady(new Error(`The embedded database did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once('message', (message) => {
      if (message === 'ready') {
        clearTimeout(timer);
        resolveReady();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rejectReady(new Error(`The embedded database process exited during start-up (code ${code})`));
    });
  });

  let stopped: Promise<void> | null = null;
  return {
    socketDir,
    stop() {
      stopped ??= new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        const killTimer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(killTimer);
          rmSync(socketDir, { recursive: true, force: true });
          resolveStop();
        });
        child.send('shutdown');
      });
      return stopped;
    },
  };
}
