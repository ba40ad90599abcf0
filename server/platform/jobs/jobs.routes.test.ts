import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZJob, ZJobsPage } from '../../../common/contracts/jobs';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../testing/test-app';
import { claimJobs, insertJob, markJobFailed } from './jobs.repository';

/** A job of a type no handler knows, taken by a worker that fails it on its only attempt: dead, with its error. */
async function deadJob(t: TestApp, error = 'SMTP refused: 550', reason: string | null = 'mail.recipient-refused'): Promise<string> {
  const id = await insertJob(t.db.orm, { type: 'test.always-fails', payload: { n: 1 }, maxAttempts: 1 });
  if (!id) throw new Error('job not inserted');
  const claimed = await claimJobs(t.db.orm, 'routes-test-worker', ['test.always-fails'], 10, 60);
  expect(claimed.map((job) => job.id)).toContain(id);
  expect(await markJobFailed(t.db.orm, 'routes-test-worker', id, { message: error, reason }, 0)).toBe('dead');
  return id;
}

describe('jobs API over HTTP (ADR 0025)', () => {
  let t: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email);
    coordinator = await signIn(t.app, (await createTestUser(t.system)).email);
  });
  afterAll(() => t.close());

  it('lists a dead job to an administrator and queues it again with fresh attempts, audited', async () => {
    const id = await deadJob(t);
    const listed = await t.app.inject({ url: '/api/jobs?state=dead', headers: { cookie: admin.cookie } });
    expect(listed.statusCode).toBe(200);
    const page = ZJobsPage.parse(listed.json());
    const job = page.items.find((item) => item.id === id);
    expect(job).toMatchObject({ type: 'test.always-fails', state: 'dead', attempts: 1, maxAttempts: 1, lastError: 'SMTP refused: 550', lastErrorReason: 'mail.recipient-refused' });
    expect(page.items.every((item) => item.state === 'dead')).toBe(true);
    const counts = await t.app.inject({ url: '/api/jobs/counts', headers: { cookie: admin.cookie } });
    expect(counts.statusCode).toBe(200);
    expect(counts.json()).toMatchObject({ dead: 1 });

    const retried = await t.app.inject({ method: 'POST', url: `/api/jobs/${id}/retry`, headers: admin.writeHeaders });
    expect(retried.statusCode).toBe(200);
    expect(ZJob.parse(retried.json())).toMatchObject({ id, state: 'queued', attempts: 0, maxAttempts: 1 });

    const queued = ZJobsPage.parse((await t.app.inject({ url: '/api/jobs?state=queued&type=test.always-fails', headers: { cookie: admin.cookie } })).json());
    expect(queued.items.map((item) => item.id)).toContain(id);
    const dead = ZJobsPage.parse((await t.app.inject({ url: '/api/jobs?state=dead', headers: { cookie: admin.cookie } })).json());
    expect(dead.items.map((item) => item.id)).not.toContain(id);

    const audit = await t.db.pool.query("select before, after from audit_log where action = 'jobs.retry-job' and entity_type = 'job' and entity_id = $1", [id]);
    expect(audit.rowCount).toBe(1);
    expect(audit.rows[0].before).toMatchObject({ state: 'dead', attempts: 1, lastError: 'SMTP refused: 550' });
    expect(audit.rows[0].after).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('refuses to retry a job that is not dead (409) and an unknown one (404)', async () => {
    const id = await insertJob(t.db.orm, { type: 'test.waiting', payload: {}, maxAttempts: 3, runAt: new Date(Date.now() + 3_600_000) });
    const conflict = await t.app.inject({ method: 'POST', url: `/api/jobs/${id}/retry`, headers: admin.writeHeaders });
    expect(conflict.statusCode).toBe(409);
    const missing = await t.app.inject({ method: 'POST', url: '/api/jobs/999999999/retry', headers: admin.writeHeaders });
    expect(missing.statusCode).toBe(404);
  });

  it('shows nothing to someone who is not an administrator, and lets them retry nothing', async () => {
    const id = await deadJob(t, 'still failing');
    const listed = await t.app.inject({ url: '/api/jobs', headers: { cookie: coordinator.cookie } });
    expect([403, 404]).toContain(listed.statusCode);
    const retried = await t.app.inject({ method: 'POST', url: `/api/jobs/${id}/retry`, headers: coordinator.writeHeaders });
    expect([403, 404]).toContain(retried.statusCode);
    expect([403, 404]).toContain((await t.app.inject({ url: '/api/jobs/counts', headers: { cookie: coordinator.cookie } })).statusCode);
    const anonymous = await t.app.inject({ url: '/api/jobs' });
    expect(anonymous.statusCode).toBe(401);
    const state = await t.db.pool.query('select state from jobs where id = $1', [id]);
    expect(state.rows[0].state).toBe('dead');
  });

  it('needs the CSRF token to retry', async () => {
    const id = await deadJob(t, 'csrf');
    const response = await t.app.inject({ method: 'POST', url: `/api/jobs/${id}/retry`, headers: { cookie: admin.cookie } });
    expect(response.statusCode).toBe(403);
  });
});
