import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from './app';
import { ensureFirstAdministrator, FIRST_ADMIN_EMAIL } from './platform/auth/ensure-first-administrator';
import { createTestApp, signIn, type TestApp } from './platform/testing/test-app';
import { loadTerritoryFixture } from './modules/territory';
import { DEMO_COORDINATOR } from './demo/demo-pinerolese.seed';

/** The composed application: demo seed, first administrator, and an audit entry for every kind of write. */
describe('application', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'distretto-app-'));
  beforeAll(async () => {
    t = await createTestApp(MODULES);
    await loadTerritoryFixture(t.db);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo once: a second seed is a no-op', async () => {
    expect(await seedDemo(t.system, () => undefined)).toBe(true);
    expect(await seedDemo(t.system, () => undefined)).toBe(false);
    const districts = await t.app.inject({ url: '/api/districts' });
    expect(districts.json().items.filter((d: { isDemo: boolean }) => d.isDemo)).toHaveLength(1);
    // Seeding the whole demo district (every module's part) is the slowest thing a test here does: a ceiling, not a wait.
  }, 300_000);

  it('creates the first administrator once, with a password only the data folder owner can read', async () => {
    const first = await ensureFirstAdministrator(t.system, dataDir);
    expect(first).toMatchObject({ email: FIRST_ADMIN_EMAIL, isNew: true });
    const passwordFile = join(dataDir, 'initial-admin-password.txt');
    expect(statSync(passwordFile).mode & 0o077).toBe(0);
    const password = readFileSync(passwordFile, 'utf8').split('\n')[1]!;
    const admin = await signIn(t.app, FIRST_ADMIN_EMAIL, password);
    const session = await t.app.inject({ url: '/api/auth/session', headers: { cookie: admin.cookie } });
    expect(session.json().roles.map((r: { role: string }) => r.role)).toEqual(['platform_admin']);
    expect(await ensureFirstAdministrator(t.system, dataDir)).toMatchObject({ isNew: false });
  });

  it('has written an audit entry, with actor and time, for every kind of write done so far', async () => {
    const coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    const demoId = (await t.app.inject({ url: '/api/districts' })).json().items[0].id as string;
    const district = (await t.app.inject({ url: `/api/districts/${demoId}` })).json();
    await t.app.inject({ method: 'PATCH', url: `/api/districts/${demoId}`, headers: coordinator.writeHeaders, payload: { description: 'x', version: district.version } });
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO_COORDINATOR.email, password: 'wrong-password!' } });
    const admin = await signIn(t.app, FIRST_ADMIN_EMAIL, readFileSync(join(dataDir, 'initial-admin-password.txt'), 'utf8').split('\n')[1]!);
    const settings = (await t.app.inject({ url: '/api/settings' })).json();
    await t.app.inject({ method: 'PATCH', url: '/api/settings', headers: admin.writeHeaders, payload: { basemapAttribution: 'test', version: settings.version } });
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: coordinator.writeHeaders });
    await t.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: admin.writeHeaders });

    const audit = await t.db.pool.query("select distinct action from audit_log where kind = 'write'");
    const actions = audit.rows.map((row) => row.action as string);
    const anonymousWrites = await t.db.pool.query(
      "select action from audit_log where kind = 'write' and actor_label = 'anonymous' and action <> 'auth.fail-sign-in'",
    );
    expect(anonymousWrites.rows).toEqual([]); // every write names who did it
    expect(actions).toEqual(
      expect.arrayContaining([
        'territory.import-territory', 'organizations.create-organization', 'districts.create-district', 'users.create-user', 'districts.update-district',
        'auth.sign-in', 'auth.fail-sign-in', 'settings.update-settings', 'auth.sign-out', 'auth.sign-out-everywhere',
      ]),
    );
  });
});
