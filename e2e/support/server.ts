import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { dropServerDatabase } from '../../server/platform/testing/drop-database';

/** The longest a test server may take to say it is ready (the e2e hook timeout is above it). */
const STARTUP_LIMIT_MS = 360_000;

export interface RunningServer {
  url: string;
  output: () => string;
  /**
   * Stops the server process and starts it again on the same database, its clock `clockShiftDays` days ahead of the
   * real one (0: the real clock). Journeys use it for what happens weeks later: the server, its jobs and the embedded
   * database all read the shifted clock; a PostgreSQL server keeps its own, so the code under test must take its
   * times from the application (as the platform's use cases do), not from SQL's now().
   */
  restart(options: { clockShiftDays: number }): Promise<void>;
  /** Stops the server and removes its database. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The preload that moves the server process's clock (a test device: production never loads it). */
const SHIFTED_CLOCK = fileURLToPath(new URL('./shifted-clock.ts', import.meta.url));

interface ServerProcess {
  child: ChildProcess;
  output: () => string;
}

/** Spawns `distretto serve` and resolves once it says it is ready. */
async function spawnServer(env: NodeJS.ProcessEnv, clockShiftDays: number): Promise<ServerProcess> {
  const preload = clockShiftDays === 0 ? [] : ['--import', SHIFTED_CLOCK];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...preload, 'server/cli/main.ts', 'serve'], {
    env: { ...env, E2E_CLOCK_SHIFT_MS: String(clockShiftDays * 86_400_000) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    // A ceiling, not a wait: start-up resolves as soon as the server says it is ready. Seeding the whole demo district on
    // an embedded database takes about a minute on a quiet machine and several times that on a loaded one.
    const timer = setTimeout(() => reject(new Error(`server did not start in ${STARTUP_LIMIT_MS / 1000} s:\n${output}`)), STARTUP_LIMIT_MS);
    const check = () => {
      if (output.includes('Distretto is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
  });
}

/**
 * Starts `distretto serve` exactly as `npm start` does, on a fresh database: an embedded PGlite in a temporary data
 * folder, or — when DATABASE_URL is set — a new database on that server, dropped afterwards.
 */
export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'distretto-e2e-'));
  // `env`: settings of the journey (e.g. a short retry wait so a failing job is dead within seconds).
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1', DISTRETTO_DATA_DIR: dataDir };
  let dropDatabase: (() => Promise<void>) | null = null;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `distretto_e2e_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      await dropServerDatabase(serverUrl, name);
    };
  }
  let current = await spawnServer(env, 0);
  const earlierOutput: string[] = [];
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => [...earlierOutput, current.output()].join('\n--- restarted ---\n'),
    async restart({ clockShiftDays }) {
      await stopProcess(current.child);
      earlierOutput.push(current.output());
      current = await spawnServer(env, clockShiftDays);
    },
    async stop() {
      await stopProcess(current.child);
      await dropDatabase?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
