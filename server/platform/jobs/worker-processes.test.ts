import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type Database } from '../db/database';
import { migrate } from '../db/migrations';
import { queueMail } from '../mail/mail-outbox';
import { createScratchDatabase } from '../testing/test-database';

/** Polls until `check` holds (a state, never a fixed sleep); fails after `timeoutMs`. */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The test's own SMTP server on a real socket; each message is slow enough (20 ms) that a worker can die mid-way. */
async function startSmtpServer() {
  const subjects: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        setTimeout(() => {
          subjects.push(/^Subject: (.*)$/m.exec(data)?.[1]?.trim() ?? '?');
          callback();
        }, 20);
      });
    },
  });
  // The worker killed with SIGKILL leaves its SMTP connection reset under the server: that reset is the point of the
  // test, so it is expected; any other server error is kept and fails the test that reads `unexpectedErrors`.
  const unexpectedErrors: Error[] = [];
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') unexpectedErrors.push(error);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { subjects, unexpectedErrors, port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface RunningWorker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startWorkerProcess(databaseUrl: string): RunningWorker {
  const child = spawn(process.execPath, ['bin/distretto.mjs', 'worker'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DISTRETTO_JOB_SLOTS: '4', DISTRETTO_JOB_LEASE_SECONDS: '3', DISTRETTO_JOB_POLL_MS: '50' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const counts = (subjects: string[]) => subjects.reduce((map, subject) => map.set(subject, (map.get(subject) ?? 0) + 1), new Map<string, number>());

/**
 * Two real `distretto worker` processes on one PostgreSQL database send the outbox through a real SMTP server: every
 * message arrives exactly once, and a worker killed with SIGKILL mid-way loses none (its jobs are claimed again when
 * their lease expires). The embedded database is one process by design (ADR 0019), so this runs on PostgreSQL only.
 */
describe.skipIf(!process.env.DATABASE_URL)('jobs across processes (PostgreSQL only: skipped without DATABASE_URL, the embedded database serves one process)', () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let db: Database;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const workers: RunningWorker[] = [];

  beforeAll(async () => {
    scratch = (await createScratchDatabase('distretto_jobs'))!;
    db = connectPostgres(scratch.url, { queryTimeoutMs: 60_000, max: 4 });
    await migrate(db.pool);
    smtp = await startSmtpServer();
    await db.pool.query("update mail_settings set smtp_host = '127.0.0.1', smtp_port = $1, smtp_secure = false, from_address = 'distretto@esempio.it'", [smtp.port]);
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    await smtp?.close();
    await db?.close();
    await scratch?.drop();
  });

  const queue = async (prefix: string, count: number) => {
    for (let from = 0; from < count; from += 100) {
      await db.transaction(async (tx) => {
        for (let n = from; n < Math.min(count, from + 100); n += 1) {
          await queueMail(tx, { to: `destinatario${n}@esempio.it`, subject: `${prefix}-${n}`, text: 'Prova', topicType: 'test', topicId: null, districtId: null });
        }
      });
    }
  };
  const received = (prefix: string) => smtp.subjects.filter((subject) => subject.startsWith(`${prefix}-`));

  it('delivers 500 messages exactly once with two workers', { timeout: 240_000 }, async () => {
    workers.push(startWorkerProcess(scratch.url), startWorkerProcess(scratch.url));
    for (const worker of workers) await waitFor('a worker to start', () => worker.output().includes('Distretto worker'));
    await queue('first', 500);
    await waitFor('500 messages sent', async () => (await db.pool.query("select 1 from mail_outbox where status <> 'sent'")).rows.length === 0);
    const arrived = counts(received('first'));
    expect(arrived.size).toBe(500);
    expect([...arrived.values()].filter((times) => times > 1)).toEqual([]);
    // The last jobs leave the table with their worker's next batched delete, right after their message is marked.
    await waitFor('the queue to empty', async () => (await db.pool.query('select 1 from jobs')).rows.length === 0);
  });

  it('loses no message when a worker is killed with SIGKILL in the middle', { timeout: 240_000 }, async () => {
    const [victim, survivor] = workers as [RunningWorker, RunningWorker];
    await queue('second', 500);
    const victimPid = victim.child.pid!;
    await waitFor('the victim to hold jobs mid-way', async () => {
      const held = await db.pool.query('select 1 from jobs where locked_by like $1', [`%:${victimPid}:%`]);
      return held.rows.length > 0 && received('second').length >= 50;
    });
    victim.child.kill('SIGKILL');
    await victim.exited;
    await waitFor('every message sent by the survivor', async () => (await db.pool.query("select 1 from mail_outbox where status <> 'sent'")).rows.length === 0);
    const arrived = counts(received('second'));
    expect(arrived.size).toBe(500);
    // At-least-once across a kill: only a message the victim had handed to SMTP but not yet marked may come twice.
    const duplicates = [...arrived.values()].filter((times) => times > 1).length;
    expect(duplicates).toBeLessThanOrEqual(4);
    // Jobs the victim finished but had not yet deleted come back after their lease; the survivor finds them sent.
    await waitFor('the queue to empty', async () => (await db.pool.query('select 1 from jobs')).rows.length === 0);
    // The survivor stops gracefully on SIGTERM.
    survivor.child.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);
    expect(smtp.unexpectedErrors.map((error) => error.message)).toEqual([]);
  });
});
