import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { seriousAccessibilityProblems } from './support/accessibility';

const DISTRICT = 'Distretto di coesione sociale del Pinerolese (demo)';
const GLICINE = 'Il Glicine (demo)';
const NEEDS_TITLE = 'Registro dei bisogni';
const NEW_ORGANIZATION = 'Associazione Le Api del Chisone';
const NEW_ADMIN = { email: 'presidenza@apidelchisone.example.test', password: 'il miele di castagno della val chisone' };

/**
 * Membership by consent (issue 11, finding 3; ADR 0020): the demo coordinator invites an organization that is not
 * in the district, its admin signs in, sees the invitation on the home page and accepts it; then the coordinator
 * sees it among the district's members. Then (issue 14) the coordinator registers and invites a new organization from
 * the members list, naming its future admin by e-mail; that person follows the mailed link (read in the platform
 * administrator's outbox), chooses a password, signs in and accepts; the coordinator finds it among the members,
 * edits its profile, and ends another membership from the list. Only the home page's address and the mailed link are
 * ever typed.
 */
describe('membership consent journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;
  let welcomeLink = '';

  async function signIn(email: string, password: string) {
    const page = journey.page;
    await page.getByRole('link', { name: 'Accedi' }).first().click();
    await page.getByLabel('Indirizzo e-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    // Under load the sign-in can take several seconds: wait for the account zone, not a fixed time.
    await page.getByRole('button', { name: 'Esci', exact: true }).waitFor({ timeout: 30_000 });
  }

  async function signOut() {
    await journey.page.getByRole('button', { name: 'Esci', exact: true }).click();
    await journey.page.getByRole('link', { name: 'Accedi' }).first().waitFor({ timeout: 30_000 });
  }

  async function openDemoDistrict() {
    const page = journey.page;
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Distretti' }).click();
    await page.getByRole('link', { name: DISTRICT }).first().click();
    await page.getByRole('heading', { level: 1, name: DISTRICT }).waitFor({ timeout: 30_000 });
  }

  async function expectNoSeriousAxeViolations(label: string) {
    expect(await seriousAccessibilityProblems(journey.page, label)).toEqual([]);
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

  it('from the members list the coordinator registers a new organization and invites it, naming its future admin', async () => {
    const page = journey.page;
    await openDemoDistrict();
    // "Invita un'organizzazione" leads to the invitation form of the panel below.
    await page.getByRole('button', { name: "Invita un'organizzazione" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('invite-search');
    await page.getByRole('button', { name: 'Registra e invita una nuova organizzazione' }).click();
    const form = page.getByRole('form', { name: 'Registra e invita una nuova organizzazione' });
    // Sent empty, it names what is missing, in words, and sends nothing.
    await form.getByRole('button', { name: "Registra e invia l'invito" }).click();
    await form.getByText('Campo obbligatorio.').first().waitFor();
    await form.getByLabel('Denominazione').fill(NEW_ORGANIZATION);
    await form.getByLabel('Forma giuridica').selectOption({ label: 'Associazione di promozione sociale (APS)' });
    const municipality = form.getByLabel('Comune della sede');
    await municipality.fill('Pinerol');
    await form.locator('datalist option[value="Pinerolo (TO)"]').waitFor({ state: 'attached', timeout: 30_000 });
    await municipality.fill('Pinerolo (TO)');
    await form.getByText('Scelto: Pinerolo.', { exact: false }).waitFor();
    await form.getByLabel("E-mail dell'organizzazione").fill('info@apidelchisone.example.test');
    await form.getByLabel('E-mail di chi la amministrerà').fill('non-una-email');
    await form.getByRole('button', { name: "Registra e invia l'invito" }).click();
    await form.getByText('Scrivi un indirizzo e-mail valido, per esempio nome@esempio.it.').waitFor();
    await form.getByLabel('E-mail di chi la amministrerà').fill(NEW_ADMIN.email);
    await expectNoSeriousAxeViolations('district page with the registration form');
    await form.getByRole('button', { name: "Registra e invia l'invito" }).click();
    await form.getByText(`${NEW_ORGANIZATION} è stata registrata e invitata.`, { exact: false }).waitFor({ timeout: 30_000 });
    const pending = page.getByRole('table', { name: `Inviti e richieste di adesione in attesa per ${DISTRICT}` });
    await pending.getByRole('rowheader', { name: NEW_ORGANIZATION }).waitFor({ timeout: 30_000 });
    await signOut();
  });

  it("the platform administrator's outbox holds the welcome mail with the link to choose a password", async () => {
    const page = journey.page;
    const printed = /Administrator: sign in at \S+ as (\S+) with password (\S+)/.exec(journey.server.output());
    expect(printed).not.toBeNull();
    await signIn(printed![1]!, printed![2]!);
    await page.getByRole('link', { name: 'Questionari' }).first().click();
    await page.getByRole('link', { name: 'Posta in uscita' }).click();
    await page.getByLabel('Argomento').selectOption({ label: 'Benvenuto ai nuovi account' });
    await page.getByRole('button', { name: new RegExp(`Mostra.*${NEW_ADMIN.email.replace(/\./g, '\\.')}`) }).first().click();
    const body = await page.locator('pre').first().innerText();
    expect(body).toContain(NEW_ORGANIZATION);
    const match = /https?:\/\/\S+#[\w-]+/.exec(body);
    expect(match, body).not.toBeNull();
    welcomeLink = new URL(match![0]).pathname + new URL(match![0]).hash;
    expect(welcomeLink).toMatch(/^\/reimposta-password#/);
    await signOut();
  });

  it('the new admin follows the link, chooses a password, signs in and accepts the invitation from their home', async () => {
    const page = journey.page;
    await page.goto(`${journey.server.url}${welcomeLink}`);
    await page.getByText(`Scegli una nuova password per l'account ${NEW_ADMIN.email}.`).waitFor({ timeout: 30_000 });
    await page.locator('#reset-new-password').fill(NEW_ADMIN.password);
    await page.locator('#reset-confirm-password').fill(NEW_ADMIN.password);
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page.getByText('Password reimpostata.').waitFor({ timeout: 30_000 });
    await signIn(NEW_ADMIN.email, NEW_ADMIN.password);
    // Signed in from the password page, the person goes to their home.
    await page.getByRole('link', { name: 'Home', exact: true }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Inviti e richieste di adesione ai distretti' }).waitFor({ timeout: 30_000 });
    await expectNoSeriousAxeViolations('home page of the new admin');
    const invitations = page.getByRole('table', { name: 'Inviti e richieste di adesione in attesa' });
    await invitations.getByRole('rowheader', { name: DISTRICT }).waitFor({ timeout: 30_000 });
    await invitations.getByRole('button', { name: `Accetta l'adesione di ${NEW_ORGANIZATION} a ${DISTRICT}` }).click();
    await page.getByRole('heading', { level: 2, name: 'Inviti e richieste di adesione ai distretti' }).waitFor({ state: 'detached', timeout: 30_000 });
    await signOut();
  });

  it('the coordinator sees it among the members, edits its profile, then ends another membership from the list', async () => {
    const page = journey.page;
    await signIn('coordinatore@pinerolese.demo', 'demo-pinerolese-2026');
    await openDemoDistrict();
    const members = page.getByRole('table', { name: `Organizzazioni che fanno parte del distretto ${DISTRICT}` });
    await members.getByRole('link', { name: NEW_ORGANIZATION }).click();
    await page.getByRole('heading', { level: 1, name: NEW_ORGANIZATION }).waitFor({ timeout: 30_000 });
    // A coordinator of a district it belongs to may edit it.
    await page.getByRole('link', { name: 'Modifica', exact: true }).first().click();
    await page.getByLabel('Descrizione', { exact: true }).fill('Apicoltura sociale e laboratori per le scuole della valle.');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: NEW_ORGANIZATION }).waitFor({ timeout: 30_000 });
    await page.getByText('Apicoltura sociale e laboratori per le scuole della valle.').waitFor();

    await openDemoDistrict();
    const glicineRow = members.getByRole('row').filter({ has: page.getByRole('rowheader', { name: GLICINE }) });
    await glicineRow.getByRole('button', { name: `Termina l'adesione di ${GLICINE}` }).click();
    const confirm = glicineRow.getByRole('form', { name: `Termina l'adesione di ${GLICINE}` });
    await confirm.getByText(`Terminare l'adesione di ${GLICINE} al distretto?`).waitFor();
    // Today by default: the membership stays current through today.
    expect(await confirm.getByLabel('Ultimo giorno di adesione').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expectNoSeriousAxeViolations('district page with the end confirmation');
    await confirm.getByRole('button', { name: "Conferma la fine dell'adesione" }).click();
    await glicineRow.getByText(/^Adesione fino al /).waitFor({ timeout: 30_000 });
    expect(await glicineRow.getByRole('button', { name: `Termina l'adesione di ${GLICINE}` }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
