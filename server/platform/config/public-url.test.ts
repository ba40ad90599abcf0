import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { createTestApp, createTestUser, type TestApp } from '../testing/test-app';

describe('DISTRETTO_PUBLIC_URL: the address links in e-mails start with (issue 14)', () => {
  it('is read from the environment, without trailing slashes, and null when unset', () => {
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ DISTRETTO_PUBLIC_URL: '' }).publicUrl).toBeNull();
    expect(loadConfig({ DISTRETTO_PUBLIC_URL: 'https://welfare.pinerolese.example.it/' }).publicUrl).toBe('https://welfare.pinerolese.example.it');
    expect(loadConfig({ DISTRETTO_PUBLIC_URL: 'https://example.it:8443/distretto//' }).publicUrl).toBe('https://example.it:8443/distretto');
  });

  it.each([
    ['welfare.example.it', /absolute address/],
    ['ftp://welfare.example.it', /https:\/\//],
    ['http://localhost:3000', /localhost/],
    ['http://127.0.0.1:3000', /loopback/],
    ['http://[::1]:3000', /loopback/],
    ['https://app.localhost', /localhost/],
    ['https://user:secret@welfare.example.it', /password/],
    ['https://welfare.example.it/?x=1', /query/],
    ['https://welfare.example.it/#top', /fragment/],
  ])('stops start-up naming the variable for %s', (value, why) => {
    expect(() => loadConfig({ DISTRETTO_PUBLIC_URL: value })).toThrow(ConfigError);
    expect(() => loadConfig({ DISTRETTO_PUBLIC_URL: value })).toThrow(/DISTRETTO_PUBLIC_URL/);
    expect(() => loadConfig({ DISTRETTO_PUBLIC_URL: value })).toThrow(why);
  });

  describe('in a mail sent while the request came to localhost', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp([], { publicUrl: 'https://welfare.pinerolese.example.it' });
    });
    afterAll(() => t.close());

    it('the link starts with the public address, even over an address saved in the mail settings', async () => {
      await t.db.pool.query("update mail_settings set public_base_url = 'https://old.example.it'");
      const user = await createTestUser(t.system);
      const asked = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', headers: { host: 'localhost:3000' }, payload: { email: user.email } });
      expect(asked.statusCode).toBeLessThan(300);
      const { rows } = await t.db.pool.query("select body_text from mail_outbox where to_address = $1 and topic_type = 'password_reset'", [user.email]);
      expect(rows).toHaveLength(1);
      expect(rows[0].body_text).toContain('https://welfare.pinerolese.example.it/');
      expect(rows[0].body_text).not.toMatch(/localhost|old\.example\.it/);
    });
  });
});
