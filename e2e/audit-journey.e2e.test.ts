import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { clickMenuEntry } from './support/menu';
import { seriousAccessibilityProblems } from './support/accessibility';

const COORDINATOR = { email: 'coordinatore@pinerolese.demo', password: 'demo-pinerolese-2026' };

/**
 * The audit journey (issue 11, "Audit that would hold up"): the demo coordinator reads the needs register and tries
 * the audit log (refused); the administrator finds both in the activity log by kind and actor, in words, with the
 * source address, finds the read again by its action (offered by label; the filter matches the action's former names
 * too), and checks the log's hash chain.
 */
describe('audit journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;

  it('the coordinator reads the needs register and is refused the audit log', async () => {
    const login = await fetch(`${journey.server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(COORDINATOR),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
    const districts = (await (await fetch(`${journey.server.url}/api/districts`)).json()) as { items: { id: string; isDemo: boolean }[] };
    const demo = districts.items.find((district) => district.isDemo)!;
    expect((await fetch(`${journey.server.url}/api/needs?districtId=${demo.id}`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${journey.server.url}/api/audit`, { headers: { cookie } })).status).toBe(403);
  });

  it('signs in as the first administrator', async () => {
    const [, email, password] = journey.server.output().match(/Administrator: sign in at .* as (\S+) with password (\S+)/) ?? [];
    expect(email).toBeTruthy();
    await journey.page.goto(`${journey.server.url}/accedi`);
    await journey.page.getByLabel('Indirizzo e-mail').fill(email!);
    await journey.page.getByLabel('Password').fill(password!);
    await journey.page.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => journey.page.url()).not.toContain('/accedi');
  });

  it('finds the refused attempt by kind, in words, with the source address', async () => {
    await clickMenuEntry(journey.page, 'Registro attività');
    await expect.poll(() => journey.page.url()).toContain('/registro-attivita');
    await journey.page.getByLabel('Tipo di voce').selectOption({ label: 'Tentativo rifiutato' });
    await journey.page.getByRole('button', { name: 'Applica i filtri' }).click();
    await expect.poll(() => journey.page.url()).toContain('tipo=rifiutato');
    const row = journey.page.getByRole('row').filter({ hasText: COORDINATOR.email });
    await row.first().waitFor();
    await expect.poll(() => row.first().innerText()).toMatch(/Tentativo rifiutato[\s\S]*Registro attività/);
    expect(await row.first().innerText()).toMatch(/127\.0\.0\.1/);
  });

  it("finds the coordinator's read of the needs register by actor", async () => {
    await journey.page.getByLabel('Tipo di voce').selectOption({ label: 'Lettura' });
    await journey.page.getByLabel('Autore').fill('coordinatore');
    await journey.page.getByRole('button', { name: 'Applica i filtri' }).click();
    await expect.poll(() => journey.page.url()).toContain('autore=coordinatore');
    await journey.page.getByRole('cell', { name: 'Consultazione del registro dei bisogni' }).first().waitFor();
    expect(await journey.page.getByRole('cell', { name: 'access.refuse-request' }).count()).toBe(0);
  });

  it('finds the same read by its action, chosen by its label', async () => {
    await journey.page.getByLabel('Tipo di voce').selectOption({ label: 'Tutte' });
    await journey.page.getByLabel('Azione', { exact: true }).selectOption({ label: 'Consultazione del registro dei bisogni' });
    await journey.page.getByRole('button', { name: 'Applica i filtri' }).click();
    await expect.poll(() => journey.page.url()).toContain('azione=needs.list-needs');
    await journey.page.getByRole('cell', { name: 'Consultazione del registro dei bisogni' }).first().waitFor();
    const actions = await journey.page.getByRole('row').filter({ hasText: COORDINATOR.email }).allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    for (const row of actions) expect(row).toContain('Consultazione del registro dei bisogni');
    expect(await journey.page.getByRole('cell', { name: 'needs.list-needs' }).count()).toBe(0);
  });

  it('checks the hash chain and has no serious accessibility violation', async () => {
    await journey.page.getByRole('button', { name: 'Verifica la catena' }).click();
    await journey.page.getByText(/Catena integra: \d+ voci verificate/).waitFor();
    expect(await seriousAccessibilityProblems(journey.page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
