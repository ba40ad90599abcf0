import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../testing/test-app';
import { deliverQueuedMail } from './deliver-queued-mail';
import { queueMail } from './mail-outbox';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A tiny SMTP server on a real socket: what nodemailer talks to in these tests (no mock of the transport). */
async function startSmtpServer(options: { rejectTo?: string; requireAuth?: { user: string; pass: string } } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: options.requireAuth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.requireAuth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.requireAuth && auth.username === options.requireAuth.user && auth.password === options.requireAuth.pass) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === options.rejectTo) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('mail: outbox without SMTP, delivery with SMTP', () => {
  let t: TestApp;
  let admin: SignedIn;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    t = await createTestApp([]);
    admin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email);
    smtp = await startSmtpServer({ rejectTo: 'nessuno@esempio.invalid', requireAuth: { user: 'distretto', pass: 's3greta' } });
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  const queue = (to: string, subject: string) =>
    t.db.transaction((tx) => queueMail(tx, { to, subject, text: `Testo di ${subject} — àèì`, topicType: 'test', topicId: null, districtId: null }));

  it('without SMTP settings keeps messages queued in the outbox', async () => {
    await queue('uno@esempio.it', 'Primo');
    const report = await deliverQueuedMail(t.system);
    expect(report).toEqual({ sent: 0, failed: 0, remaining: 1 });
    const outbox = await t.app.inject({ url: '/api/mail/outbox', headers: { cookie: admin.cookie } });
    expect(outbox.json().items[0]).toMatchObject({ to: 'uno@esempio.it', status: 'queued' });
  });

  it('stores SMTP settings for admins only and never returns the password', async () => {
    const current = (await t.app.inject({ url: '/api/mail/settings', headers: { cookie: admin.cookie } })).json();
    const saved = await t.app.inject({
      method: 'PATCH', url: '/api/mail/settings', headers: admin.writeHeaders,
      payload: { version: current.version, host: '127.0.0.1', port: smtp.port, secure: false, user: 'distretto', password: 's3greta', from: 'distretto@esempio.it' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ host: '127.0.0.1', hasPassword: true, isConfigured: true });
    expect(saved.body).not.toContain('s3greta');
    const audit = await t.db.pool.query("select after::text as after from audit_log where action = 'mail.update-settings'");
    expect(audit.rows[0].after).not.toContain('s3greta');
    const anonymous = await t.app.inject({ url: '/api/mail/settings' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('delivers queued messages through SMTP and marks them sent, or failed with the server error', async () => {
    await queue('nessuno@esempio.invalid', 'Rifiutato');
    const response = await t.app.inject({ method: 'POST', url: '/api/mail/deliver', headers: admin.writeHeaders });
    expect(response.json()).toEqual({ sent: 1, failed: 1, remaining: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: 'distretto@esempio.it', to: ['uno@esempio.it'] });
    expect(smtp.received[0]!.data).toContain('Subject: Primo');
    const rows = await t.db.pool.query('select subject, status, attempts, last_error, sent_at is not null as has_sent_at from mail_outbox order by subject');
    expect(rows.rows).toEqual([
      { subject: 'Primo', status: 'sent', attempts: 1, last_error: null, has_sent_at: true },
      { subject: 'Rifiutato', status: 'failed', attempts: 1, last_error: expect.stringContaining('Mailbox unavailable'), has_sent_at: false },
    ]);
    const audit = await t.db.pool.query("select action from audit_log where action in ('mail.send-message', 'mail.fail-delivery') order by action");
    expect(audit.rows.map((row) => row.action)).toEqual(['mail.fail-delivery', 'mail.send-message']);
    // The refused message's job waits for its next attempt, naming why in a code the jobs page says in words.
    const jobs = await t.db.pool.query("select state, last_error, last_error_reason from jobs where type = 'mail.deliver'");
    expect(jobs.rows).toEqual([{ state: 'queued', last_error: expect.stringContaining('Mailbox unavailable'), last_error_reason: 'mail.recipient-refused' }]);
  });

  it('marks messages failed when the SMTP password is wrong', async () => {
    const current = (await t.app.inject({ url: '/api/mail/settings', headers: { cookie: admin.cookie } })).json();
    await t.app.inject({ method: 'PATCH', url: '/api/mail/settings', headers: admin.writeHeaders, payload: { version: current.version, password: 'sbagliata' } });
    await queue('due@esempio.it', 'Secondo');
    const report = await deliverQueuedMail(t.system);
    expect(report.sent).toBe(0);
    expect(report.failed).toBe(2); // the new one, and the earlier failure retried
    expect(smtp.received).toHaveLength(1);
    const reasons = await t.db.pool.query("select distinct last_error_reason from jobs where type = 'mail.deliver'");
    expect(reasons.rows).toEqual([{ last_error_reason: 'mail.login-refused' }]);
  });
});
