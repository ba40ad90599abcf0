import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';

const DISTRICT = 'Distretto di coesione sociale del Pinerolese (demo)';
const GLICINE = 'Il Glicine (demo)';
const NEEDS_TITLE = 'Registro dei bisogni';

/**
 * Membership by consent (issue 11, finding 3; ADR 0020): the demo coordinator invites an organization that is not
 * in the district, its admin signs in, sees the invitation on the home page and accepts it; then the coordinator
 * sees it among the district's members. Only the home page's address is ever typed.
 */
describe('membership consent journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;

  async function signIn(email: string, password: string) {
    const page = journey.page;
    await page.getByRole('link', { name: 'Accedi' }).click();
    await page.getByLabel('Indirizzo e-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    // Under load the sign-in can take several seconds: wait for the account zone, not a fixed time.
    await page.getByRole('button', { name: 'Esci', exact: true }).waitFor({ timeout: 30_000 });
  }

  async function signOut() {
    await journey.page.getByRole('button', { name: 'Esci', exact: true }).click();
    await journey.page.getByRole('link', { name: 'Accedi' }).waitFor({ timeout: 30_000 });
  }

  async function openDemoDistrict() {
    const page = journey.page;
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Distretti' }).click();
    await page.getByRole('link', { name: DISTRICT }).first().click();
    await page.getByRole('heading', { level: 1, name: DISTRICT }).waitFor({ timeout: 30_000 });
  }

  async function expectNoSeriousAxeViolations(label: string) {
    const results = await new AxeBuilder({ page: journey.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${label} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  it('the coordinator signs in from the home page and invites Il Glicine to the district', async () => {
    const page = journey.page;
    await page.goto(journey.server.url);
    await signIn('coordinatore@pinerolese.demo', 'demo-pinerolese-2026');
    await openDemoDistrict();
    await page.getByRole('heading', { level: 2, name: 'Adesioni in attesa' }).waitFor();
    await page.getByText('Nessun invito o richiesta in attesa.').waitFor();
    await page.getByLabel("Cerca un'organizzazione per nome").fill('Glicine');
    await page.locator('#invite-organization option', { hasText: 'Il Glicine' }).waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByLabel('Organizzazione da invitare').selectOption({ label: 'Cooperativa sociale Il Glicine (demo) (Torino)' });
    await page.getByLabel('Ruolo nel distretto').selectOption({ label: 'Membro' });
    await page.getByRole('button', { name: "Invia l'invito" }).click();
    await page.getByText(`Invito inviato a ${GLICINE}.`).waitFor({ timeout: 30_000 });
    const pending = page.getByRole('table', { name: `Inviti e richieste di adesione in attesa per ${DISTRICT}` });
    await pending.getByRole('rowheader', { name: GLICINE }).waitFor();
    await pending.getByText('Invito in attesa di risposta').waitFor();
    // The invitation is not a membership: the organization is not among the members yet.
    expect(await page.getByRole('table', { name: `Organizzazioni che fanno parte del distretto ${DISTRICT}` }).getByRole('link', { name: GLICINE }).count()).toBe(0);
    await expectNoSeriousAxeViolations('district page');
    await signOut();
  });

  it("Il Glicine's admin signs in, sees the invitation on the home page and on the organization's page, and accepts it", async () => {
    const page = journey.page;
    await signIn('amministrazione@glicine.demo', 'demo-glicine-2026');
    await page.getByRole('heading', { level: 2, name: 'Inviti e richieste di adesione ai distretti' }).waitFor({ timeout: 30_000 });
    const invitations = page.getByRole('table', { name: 'Inviti e richieste di adesione in attesa' });
    await invitations.getByRole('rowheader', { name: DISTRICT }).waitFor();
    await invitations.getByText('Invito in attesa di risposta').waitFor();
    await invitations.getByRole('button', { name: `Accetta l'adesione di ${GLICINE} a ${DISTRICT}` }).waitFor();
    await expectNoSeriousAxeViolations('home page');
    // The same invitation on the organization's page, where the admin answers it.
    await invitations.getByRole('link', { name: GLICINE }).click();
    await page.getByRole('heading', { level: 1, name: 'Cooperativa sociale Il Glicine (demo)' }).waitFor({ timeout: 30_000 });
    const districts = page.getByRole('table', { name: "Distretti di cui l'organizzazione fa parte" });
    await districts.getByText('Invito in attesa di risposta').waitFor();
    await expectNoSeriousAxeViolations('organization page');
    await districts.getByRole('button', { name: `Accetta l'adesione di ${GLICINE} a ${DISTRICT}` }).click();
    await districts.getByText('Attiva', { exact: true }).waitFor({ timeout: 30_000 });
    // Answered: nothing left to answer on the home page, so the section is gone.
    await page.getByRole('link', { name: 'Home', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Cooperativa sociale Il Glicine (demo)' }).waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Inviti e richieste di adesione ai distretti' }).waitFor({ state: 'detached', timeout: 30_000 });
    await signOut();
  });

  it('the coordinator now sees Il Glicine among the members, and no pending membership', async () => {
    const page = journey.page;
    await signIn('coordinatore@pinerolese.demo', 'demo-pinerolese-2026');
    await openDemoDistrict();
    const members = page.getByRole('table', { name: `Organizzazioni che fanno parte del distretto ${DISTRICT}` });
    await members.getByRole('link', { name: GLICINE }).waitFor({ timeout: 30_000 });
    await page.getByText('Nessun invito o richiesta in attesa.').waitFor();
    // The district page leads to what the district is doing, with counts: the open needs link opens its register.
    const activity = page.getByRole('navigation', { name: 'Attività del distretto' });
    await activity.getByRole('link', { name: /questionari(o)?$/ }).waitFor({ timeout: 30_000 });
    await activity.getByRole('link', { name: /segnalazion[ei]$/ }).waitFor();
    await activity.getByRole('link', { name: /bisogn[oi] apert[oi]$/ }).click();
    await page.getByRole('heading', { level: 1, name: NEEDS_TITLE }).waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
  });
});
