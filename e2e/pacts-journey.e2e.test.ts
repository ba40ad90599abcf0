import { describe, expect, it } from 'vitest';
import { visibleCodeLeaks } from '../server/platform/testing/raw-codes';
import { setUpJourney } from './support/journey';
import { clickMenuEntry } from './support/menu';
import { seriousAccessibilityProblems } from './support/accessibility';

const COORDINATOR = { email: 'coordinatore@pinerolese.demo', password: 'demo-pinerolese-2026' };
const FIRM_MEMBER = { email: 'impresa@pinerolese.demo', password: 'demo-impresa-2026' };
const CONSORTIUM = 'Consorzio dei servizi sociali del Pinerolese (demo)';
const FIRM = 'Meccanica Chisone S.r.l. (demo)';
const GLICINE_ADMIN = { email: 'amministrazione@glicine.demo', password: 'demo-glicine-2026' };
const GLICINE = 'Cooperativa sociale Il Glicine (demo)';
const COMMITMENT = 'Tre tirocini per persone seguite dai servizi';
/** A Rome calendar day `days` from now, as a date field takes it. */
const romeDayIn = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
const TITLE = 'Patto per il lavoro in Val Chisone';
const TEXT = `Patto tra il consorzio e le imprese della valle.

## Art. 1 - Oggetto
Le parti collaborano per l'inserimento lavorativo delle persone seguite dai servizi.

## Art. 2 - Durata
Il patto vale due anni.
`;

/**
 * Territorial pacts (issue 17), by clicking from signing in: the demo district's coordinator opens the pacts from the
 * home, drafts a pact with the Markdown editor and opens it for signature; the legal representatives of the consortium
 * and of the demo firm sign it (the password asked again by the platform when it was not entered in the last minutes);
 * the coordinator brings it into force, starts an amendment and compares the two versions article by article. Axe
 * finds no serious or critical violation on the list, the pact page, the signing dialog and the comparison.
 *
 * The legal representatives are recorded on the organizations' pages (a person, the role, the account it is linked
 * to): the coordinator for the consortium it administers and for the demo firm of its district, and later Il Glicine's
 * admin for its own cooperative. A month after the pact came into force (the server restarted on the same database with
 * its clock 31 days ahead; its daily job then runs) Il Glicine joins, its adhesion waits for the steering group's
 * decision, which the coordinator records; the firm's commitment, due in ten days when it was made, is now late and
 * comes first on the commitments page.
 *
 * Each step is its own `it`: a failing step names itself, and the restart a month later sits between two of them.
 */
describe('pacts journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;
  let pactUrl = '';

  const page = () => journey.page;
  const signIn = async ({ email, password }: { email: string; password: string }) => {
    await page().goto(`${journey.server.url}/accedi`);
    await page().getByLabel('Indirizzo e-mail').fill(email);
    await page().getByLabel('Password').fill(password);
    await page().getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => page().url()).not.toContain('/accedi');
  };
  const signOut = async () => {
    await page().getByRole('button', { name: 'Esci', exact: true }).click();
    await page().getByRole('link', { name: 'Accedi' }).first().waitFor();
  };
  const expectAccessible = async () => {
    expect(await seriousAccessibilityProblems(page())).toEqual([]);
  };
  const expectWords = async () => {
    expect(visibleCodeLeaks(await page().locator('main').innerText(), 'it')).toEqual([]);
  };
  /** The signed-in person's id and CSRF token, as the web app reads them. */
  const session = () =>
    page().evaluate(async () => {
      const response = await fetch('/api/auth/session', { credentials: 'same-origin' });
      return (await response.json()) as { user: { id: string } | null; csrfToken: string | null };
    });
  /** The dialog a button opened; when it does not show, the page's errors and what the page says instead. */
  const dialogNamed = async (name: string | RegExp) => {
    const dialog = page().getByRole('dialog', { name });
    try {
      await dialog.waitFor({ timeout: 20_000 });
    } catch (error) {
      throw new Error(`no dialog ${String(name)}; page errors: ${JSON.stringify(pageErrors)}; dialogs: ${await page().locator('dialog').evaluateAll((all) => all.map((d) => d.outerHTML.slice(0, 300)))}`, { cause: error });
    }
    return dialog;
  };
  const versionRow = (number: number) => page().getByRole('table', { name: 'Versioni del patto' }).getByRole('row').filter({ has: page().getByRole('rowheader', { name: String(number), exact: true }) });
  const signatures = (number: number) => page().getByRole('table', { name: `Firmatari della versione ${number}` });

  /** Signs with the dialog: its summary, the organization, and the password when the platform asks for it again. */
  const signThePact = async (organization: string, password: string) => {
    await page().getByRole('button', { name: 'Firma il patto' }).click();
    const dialog = await dialogNamed(/^Firma della versione/);
    expect(await dialog.innerText()).toContain(`Stai firmando la versione 1 del patto «${TITLE}»`);
    expect(await dialog.innerText()).toContain('2 articoli');
    expect(await dialog.innerText()).toContain(organization);
    await expectAccessible();
    await dialog.getByRole('button', { name: 'Firma', exact: true }).click();
    const prompt = dialog.locator('#reauth-password');
    const signed = page().getByRole('status').getByText('Firma registrata.');
    await expect.poll(async () => (await signed.isVisible()) || (await prompt.isVisible()), { timeout: 20_000 }).toBe(true);
    if (await prompt.isVisible()) {
      await prompt.fill(password);
      await dialog.getByRole('button', { name: 'Conferma e continua' }).click();
    }
    await signed.waitFor();
    await expect.poll(() => signatures(1).innerText()).toContain(organization);
  };

  /**
   * The pacts from the menu, then the journey's pact, read afresh (a reload, as after a role given on another page:
   * whom the person may sign for is part of the pact's read, which the page keeps while one navigates).
   */
  const openPactFromHome = async () => {
    await clickMenuEntry(page(), 'Patti territoriali');
    await page().getByRole('heading', { level: 1, name: 'Patti territoriali' }).waitFor();
    await page().getByRole('link', { name: TITLE }).click();
    await page().getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page().reload();
    await page().getByRole('heading', { level: 1, name: TITLE }).waitFor();
  };
  /**
   * From the menu to an organization's page (the directory searched by name as it is typed), where its editor adds a legal
   * representative linked to one of the organization's accounts.
   */
  const recordLegalRepresentative = async (search: string, organization: string, fullName: string, account: string) => {
    await clickMenuEntry(page(), 'Organizzazioni');
    await page().getByRole('heading', { level: 1, name: 'Organizzazioni' }).waitFor();
    // The list follows the typed words, without Enter.
    await page().locator('#organizations-search').fill(search);
    await page().getByRole('link', { name: organization, exact: true }).first().click();
    await page().getByRole('heading', { level: 1, name: organization }).waitFor();
    const form = page().getByRole('form', { name: 'Aggiungi una persona' });
    await form.locator('#person-full-name').fill(fullName);
    await form.locator('#person-role').selectOption({ label: 'Legale rappresentante' });
    await form.locator('#person-account').selectOption({ label: account });
    await form.getByRole('button', { name: 'Aggiungi la persona' }).click();
    await page().getByRole('status').getByText(`${fullName} è stata aggiunta.`).waitFor();
    const row = page().getByRole('row').filter({ has: page().getByRole('rowheader', { name: fullName }) });
    expect(await row.innerText()).toContain('Collegata');
  };

  it('leads the coordinator from the home to the pacts and lets them draft one with the Markdown editor', async () => {
    await signIn(COORDINATOR);
    await page().getByRole('link', { name: 'Patti territoriali del distretto' }).first().click();
    await page().getByRole('heading', { level: 1, name: 'Patti territoriali' }).waitFor();
    // The demo district's pact in force is listed with its status in words and its start day in words.
    const demoRow = page().getByRole('row').filter({ hasText: 'Patto territoriale per il welfare del Pinerolese (demo)' });
    await expect.poll(() => demoRow.innerText()).toContain('In vigore');
    expect(await demoRow.innerText()).toMatch(/\d{1,2} [a-z]{3} \d{4}/);
    await expectWords();
    await expectAccessible();

    await page().getByRole('link', { name: 'Nuovo patto' }).click();
    await page().getByRole('heading', { level: 1, name: 'Nuovo patto territoriale' }).waitFor();
    const form = page().getByRole('form', { name: 'Il patto' });
    // A title too short is refused on the field itself, before anything is sent.
    await form.getByLabel('Titolo').fill('P');
    await form.getByRole('button', { name: 'Crea la bozza' }).click();
    await form.getByText('Scrivi un titolo di almeno 3 caratteri.').waitFor();
    await form.getByLabel('Titolo').fill(TITLE);
    await form.getByLabel('Finalità').fill("Inserimento lavorativo delle persone seguite dai servizi.");
    await form.locator('#new-pact-body').fill(TEXT);
    await form.getByRole('tab', { name: 'Anteprima' }).click();
    await form.getByRole('heading', { name: 'Art. 1 - Oggetto' }).waitFor();
    await form.getByLabel('Data di inizio').fill('2027-01-01');
    await form.getByText('Patto pubblico', { exact: false }).click();
    await form.getByRole('button', { name: 'Crea la bozza' }).click();
    await page().getByRole('heading', { level: 1, name: TITLE }).waitFor();
    pactUrl = page().url();
    expect(pactUrl).toMatch(/\/patti\/[0-9a-f-]{36}$/);
    await expect.poll(() => versionRow(1).innerText()).toContain('Bozza');
    await page().getByRole('heading', { name: 'Art. 2 - Durata' }).waitFor();
    await expectWords();
    expect(pageErrors).toEqual([]);
  });

  it('opens the draft for signature after a confirmation', async () => {
    await versionRow(1).getByRole('button', { name: 'Apri alla firma' }).click();
    const dialog = await dialogNamed('Apri alla firma');
    expect(await dialog.innerText()).toContain('Il testo non potrà più essere modificato');
    await expectAccessible();
    await dialog.getByRole('button', { name: 'Apri alla firma' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => versionRow(1).innerText()).toContain('Aperto alla firma');
    // A coordinator who represents no organization is offered no signature.
    expect(await page().getByRole('button', { name: 'Firma il patto' }).count()).toBe(0);
    await expectAccessible();
  });

  it('records the legal representatives of the consortium and of the demo firm on their pages, linked to their accounts', async () => {
    await recordLegalRepresentative('Consorzio dei servizi sociali', CONSORTIUM, 'Coordinatrice del distretto (demo)', 'Coordinatrice del distretto (demo)');
    await recordLegalRepresentative('Meccanica Chisone', FIRM, 'Legale rappresentante di Meccanica Chisone (demo)', 'Referente welfare di Meccanica Chisone (demo)');
    expect(pageErrors).toEqual([]);
  });

  it('lets the legal representative of the consortium sign, with the summary of the exact text', async () => {
    await openPactFromHome();
    await page().getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await signThePact(CONSORTIUM, COORDINATOR.password);
    const row = signatures(1).getByRole('row').filter({ has: page().getByRole('rowheader', { name: CONSORTIUM }) });
    expect(await row.innerText()).toContain('Coordinatrice del distretto (demo)');
    expect(await row.innerText()).toContain('Invariato dalla firma');
    expect(await row.innerText()).toMatch(/\d{1,2} [a-z]{3} \d{4}/);
    await expectWords();
    expect(pageErrors).toEqual([]);
  });

  it("lets the demo firm's legal representative find the pact from the home and sign it", async () => {
    await signOut();
    await signIn(FIRM_MEMBER);
    await page().getByRole('link', { name: 'Patti territoriali', exact: true }).first().click();
    await page().getByRole('heading', { level: 1, name: 'Patti territoriali' }).waitFor();
    await page().getByRole('link', { name: TITLE }).click();
    await page().getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await signThePact(FIRM, FIRM_MEMBER.password);
    // Both signatories are listed; the firm, which is no coordinator, has no lifecycle buttons.
    expect(await signatures(1).innerText()).toContain(CONSORTIUM);
    expect(await page().getByRole('button', { name: 'Fai entrare in vigore' }).count()).toBe(0);
    await expectAccessible();
  });

  it('lets the coordinator bring the pact into force', async () => {
    await signOut();
    await signIn(COORDINATOR);
    await openPactFromHome();
    await page().getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await versionRow(1).getByRole('button', { name: 'Fai entrare in vigore' }).click();
    const dialog = await dialogNamed('Fai entrare in vigore');
    await dialog.getByRole('button', { name: 'Fai entrare in vigore' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => versionRow(1).innerText()).toContain('In vigore');
    expect(await page().locator('main dl.facts').innerText()).toContain('Versione 1, dal');
    expect(await page().getByRole('link', { name: 'Impegni dei firmatari' }).getAttribute('href')).toMatch(/\/patti\/[0-9a-f-]{36}\/impegni$/);
    expect(await page().getByRole('link', { name: 'Pagina pubblica' }).count()).toBe(1);
    await expectWords();
  });

  it("records the firm's commitment, due in ten days, on the commitments page", async () => {
    await page().getByRole('link', { name: 'Impegni dei firmatari' }).click();
    await page().getByRole('heading', { level: 1, name: `Impegni: ${TITLE}` }).waitFor();
    const firm = await page().locator('#commitment-organization option', { hasText: 'Meccanica Chisone' }).getAttribute('value');
    await page().locator('#commitment-organization').selectOption(firm!);
    await page().locator('#commitment-due').fill(romeDayIn(10));
    await page().locator('#commitment-text').fill(COMMITMENT);
    await page().getByRole('button', { name: "Aggiungi l'impegno" }).click();
    await page().getByText('Impegno aggiunto.').waitFor();
    const commitments = page().getByRole('table', { name: 'Impegni, prima quelli in ritardo' });
    await expect.poll(() => commitments.innerText()).toContain(COMMITMENT);
    expect(await commitments.getByRole('row').filter({ hasText: COMMITMENT }).innerText()).toContain('Previsto');
    await expectWords();
    await expectAccessible();
    await page().getByRole('link', { name: 'Torna al patto' }).click();
    await page().getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('a month later, Il Glicine records its legal representative and joins: the adhesion waits for the steering group', async () => {
    await signOut();
    await journey.server.restart({ clockShiftDays: 31 });
    await signIn(GLICINE_ADMIN);
    await recordLegalRepresentative('Glicine', GLICINE, 'Presidente de Il Glicine (demo)', 'Amministrazione Il Glicine (demo)');
    await openPactFromHome();
    await signThePact(GLICINE, GLICINE_ADMIN.password);
    const glicineRow = signatures(1).getByRole('row').filter({ has: page().getByRole('rowheader', { name: GLICINE }) });
    await expect.poll(() => glicineRow.innerText()).toMatch(/attesa/i);
    await expectWords();
    expect(pageErrors).toEqual([]);
  });

  it("the coordinator records the steering group's approval, and the late commitment comes first", async () => {
    await signOut();
    await signIn(COORDINATOR);
    await openPactFromHome();
    const decision = page().getByRole('form', { name: `Decisione sull'adesione di ${GLICINE}` });
    await decision.getByLabel('Nota sulla decisione (per esempio il verbale della cabina di regia)').fill('Approvata dalla cabina di regia del mese.');
    await decision.getByRole('button', { name: "Approva l'adesione" }).click();
    const glicineRow = signatures(1).getByRole('row').filter({ has: page().getByRole('rowheader', { name: GLICINE }) });
    await expect.poll(() => glicineRow.innerText()).toContain('Decisa il');
    expect(await glicineRow.innerText()).not.toMatch(/attesa/i);
    await expectAccessible();

    await page().getByRole('link', { name: 'Impegni dei firmatari' }).click();
    const commitments = page().getByRole('table', { name: 'Impegni, prima quelli in ritardo' });
    await expect.poll(() => commitments.getByRole('row').nth(1).innerText()).toContain(COMMITMENT);
    expect(await commitments.getByRole('row').nth(1).innerText()).toContain('In ritardo');
    await expectWords();
    await expectAccessible();
    await page().getByRole('link', { name: 'Torna al patto' }).click();
    await page().getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('starts an amendment and compares the two versions article by article', async () => {
    await page().getByRole('button', { name: 'Avvia un emendamento' }).click();
    await (await dialogNamed('Avvia un emendamento')).getByRole('button', { name: 'Avvia un emendamento' }).click();
    await expect.poll(() => versionRow(2).innerText()).toContain('Bozza');
    await page().getByRole('button', { name: 'Modifica la bozza' }).click();
    const draft = page().getByRole('form', { name: 'Bozza della versione 2' });
    await draft.locator('#pact-draft-body').fill(TEXT.replace('due anni', 'tre anni') + '\n## Art. 3 - Cabina di regia\nIl distretto convoca la cabina di regia.\n');
    await draft.getByRole('button', { name: 'Salva la bozza' }).click();
    await draft.waitFor({ state: 'detached' });

    await page().getByRole('link', { name: 'Confronta le versioni' }).click();
    await page().getByRole('heading', { level: 1, name: 'Confronto tra versioni' }).waitFor();
    await page().getByRole('heading', { name: 'Dalla versione 1 alla versione 2' }).waitFor();
    await page().getByText('2 articoli cambiati').waitFor();
    const changed = page().locator('article').filter({ hasText: 'Art. 2 - Durata' });
    expect(await changed.innerText()).toContain('Articolo modificato');
    expect(await changed.locator('del').innerText()).toContain('due');
    expect(await changed.locator('ins').innerText()).toContain('tre');
    expect(await page().locator('article').filter({ hasText: 'Art. 3 - Cabina di regia' }).innerText()).toContain('Articolo aggiunto');
    await expectWords();
    await expectAccessible();
    expect(pageErrors).toEqual([]);
  });

  it('opens the amendment for signature: the previous signatories are asked to acknowledge it, and the consortium does', async () => {
    await page().getByRole('link', { name: TITLE, exact: true }).last().click();
    await page().getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await versionRow(2).getByRole('button', { name: 'Apri alla firma' }).click();
    const dialog = await dialogNamed('Apri alla firma');
    await dialog.getByRole('button', { name: 'Apri alla firma' }).click();
    await dialog.waitFor({ state: 'detached' });
    const acknowledgements = page().getByRole('table', { name: "Prese d'atto della versione 2" });
    await expect.poll(() => acknowledgements.innerText()).toContain(FIRM);
    const rowOf = (organization: string) => acknowledgements.getByRole('row').filter({ has: page().getByRole('rowheader', { name: organization }) });
    expect(await rowOf(CONSORTIUM).innerText()).toContain('Non ha ancora preso atto');

    await page().getByRole('button', { name: `Prendi atto per ${CONSORTIUM}` }).click();
    const confirm = await dialogNamed("Presa d'atto dell'emendamento (versione 2)");
    await confirm.getByRole('button', { name: `Prendi atto per ${CONSORTIUM}` }).click();
    const prompt = confirm.getByLabel('Password attuale', { exact: true });
    await expect.poll(async () => (await prompt.isVisible()) || (await confirm.count()) === 0).toBe(true);
    if ((await confirm.count()) > 0 && (await prompt.isVisible())) {
      await prompt.fill(COORDINATOR.password);
      await confirm.getByRole('button', { name: 'Conferma e continua' }).click();
    }
    await expect.poll(() => rowOf(CONSORTIUM).innerText()).toContain('Ha preso atto');
    expect(await rowOf(FIRM).innerText()).toContain('Non ha ancora preso atto');
    await expectWords();
    await expectAccessible();
    expect(pageErrors).toEqual([]);
  });
});
