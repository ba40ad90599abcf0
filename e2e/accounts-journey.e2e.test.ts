import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';

/**
 * Accounts people can manage (issue 11), from the sign-in page: the demo coordinator changes their password and
 * invites a new person, who accepts and creates an account and chooses English in "my account" (the web app switches,
 * and does again at their next sign-in); that person forgets the password and resets it with the mailed link (read in
 * the administrator's outbox, written in English); the administrator grants and revokes a role and deactivates the
 * account, then looks at the background jobs; repeated wrong passwords show the throttling message. Every page runs
 * under the real CSP (violations are collected from the console) and is checked with axe.
 */
describe('accounts journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;
  const cspViolations: string[] = [];
  const accessibility: string[] = [];
  const COORDINATOR = { email: 'coordinatore@pinerolese.demo', password: 'demo-pinerolese-2026' };
  const COORDINATOR_NEW_PASSWORD = 'il monviso si vede dal castello';
  const INVITEE = { email: 'nuova.volontaria@example.test', name: 'Nuova Volontaria', password: 'le mele della val chisone' };
  const INVITEE_RESET_PASSWORD = 'una passeggiata lungo il pellice';
  let admin = { email: '', password: '' };
  /** The text of the last message linkInOutbox opened. */
  let lastOutboxBody = '';

  const page = () => journey.page;
  const go = (path: string) => page().goto(`${journey.server.url}${path}`);

  async function checkAccessibility(label: string) {
    const results = await new AxeBuilder({ page: page() }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const violation of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      accessibility.push(`${label} ${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }

  async function signIn(email: string, password: string) {
    await go('/accedi');
    await page().getByLabel('Indirizzo e-mail').fill(email);
    await page().locator('#login-password').fill(password);
    await page().getByRole('button', { name: 'Accedi', exact: true }).click();
    const alert = page().locator('.alert-danger');
    await Promise.race([page().waitForURL((url) => !url.pathname.startsWith('/accedi'), { timeout: 30_000 }), alert.waitFor({ timeout: 30_000 })]);
    if (page().url().includes('/accedi')) throw new Error(`sign-in as ${email} refused: ${await alert.innerText()}`);
  }

  async function signOut() {
    await page().getByRole('button', { name: 'Esci', exact: true }).click();
    await page().getByRole('link', { name: 'Accedi' }).first().waitFor();
  }

  /** The newest message to `to` in the outbox page, opened like a person would, and the link in its text. */
  async function linkInOutbox(to: string, topicLabel: string): Promise<string> {
    await page().getByRole('link', { name: 'Questionari' }).first().click();
    await page().getByRole('link', { name: 'Posta in uscita' }).click();
    await page().getByLabel('Argomento').selectOption({ label: topicLabel });
    const show = page().getByRole('button', { name: new RegExp(`Mostra.*${to.replace(/\./g, '\\.')}`) }).first();
    await show.click();
    const body = await page().locator('pre').first().innerText();
    lastOutboxBody = body;
    const match = /https?:\/\/\S+#[\w-]+/.exec(body);
    if (!match) throw new Error(`no link in the message: ${body}`);
    return new URL(match[0]).pathname + new URL(match[0]).hash;
  }

  it('reads the administrator printed at start-up and listens for CSP violations', async () => {
    const printed = /Administrator: sign in at \S+ as (\S+) with password (\S+)/.exec(journey.server.output());
    expect(printed).not.toBeNull();
    admin = { email: printed![1]!, password: printed![2]! };
    page().on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspViolations.push(`${page().url()}: ${message.text()}`);
    });
    await page().addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
    });
    await go('/accedi');
    await page().getByRole('heading', { level: 1, name: 'Accedi' }).waitFor();
    await checkAccessibility('/accedi');
  });

  it('the coordinator changes their password from "Il mio account", and signs in with the new one', async () => {
    await signIn(COORDINATOR.email, COORDINATOR.password);
    await page().getByRole('link', { name: 'Il mio account' }).click();
    await page().getByRole('heading', { level: 1, name: 'Il mio account' }).waitFor();
    await page().locator('#account-current-password').fill(COORDINATOR.password);
    await page().locator('#account-new-password').fill('password1234');
    await page().locator('#account-confirm-password').fill('password1234');
    await page().getByRole('button', { name: 'Cambia password' }).click();
    await page().getByText('Questa password è tra quelle più diffuse o già trapelate').waitFor();
    await page().locator('#account-new-password').fill(COORDINATOR_NEW_PASSWORD);
    await page().locator('#account-confirm-password').fill(COORDINATOR_NEW_PASSWORD);
    await page().getByRole('button', { name: 'Cambia password' }).click();
    await page().getByText('Password cambiata.').waitFor();
    await page().getByText('Verifica in due passaggi', { exact: true }).first().waitFor();
    await checkAccessibility('/account');
    await signOut();
    await signIn(COORDINATOR.email, COORDINATOR_NEW_PASSWORD);
  });

  it('the coordinator invites a person to an organization of the district', async () => {
    await page().getByRole('link', { name: 'Invita persone' }).first().click();
    await page().getByRole('heading', { level: 1, name: 'Invita persone' }).waitFor();
    await page().getByLabel('Organizzazione').selectOption({ index: 1 });
    await page().getByLabel('Indirizzo e-mail della persona').fill(INVITEE.email);
    await page().getByLabel('Ruolo').selectOption({ label: "Membro dell'organizzazione" });
    await page().getByRole('button', { name: "Invia l'invito" }).click();
    await page().getByText(`Invito inviato a ${INVITEE.email}.`).waitFor();
    await page().getByRole('cell', { name: 'In attesa' }).waitFor();
    await checkAccessibility('/inviti');
  });

  it('the invited person opens the mailed link and creates the account under the password policy', async () => {
    const link = await linkInOutbox(INVITEE.email, 'Inviti alle organizzazioni');
    expect(link).toMatch(/^\/invito#/);
    await signOut();
    await go(link);
    await page().getByText('Sei stato invitato a partecipare a').waitFor();
    await page().getByLabel('Nome e cognome').fill(INVITEE.name);
    await page().locator('#accept-new-password').fill(INVITEE.password);
    await page().locator('#accept-confirm-password').fill(INVITEE.password);
    await checkAccessibility('/invito');
    await page().getByRole('button', { name: "Crea l'account e accetta" }).click();
    await page().getByText('Account creato e invito accettato.').waitFor();
    await signIn(INVITEE.email, INVITEE.password);
    await signOut();
  });

  it('the new person chooses English in "Il mio account": the web switches now and at their next sign-in', async () => {
    await signIn(INVITEE.email, INVITEE.password);
    await page().getByRole('link', { name: 'Il mio account' }).click();
    await page().getByRole('heading', { level: 1, name: 'Il mio account' }).waitFor();
    // Bootstrap Italia draws the radio on its label (the input itself is hidden): a person clicks the label.
    await page().getByRole('group', { name: 'La lingua in cui leggi Distretto e ricevi le sue e-mail' }).locator('label', { hasText: 'English' }).click();
    await page().getByRole('button', { name: 'Salva la lingua' }).click();
    await page().getByText('Language saved: from now on Distretto and the e-mails it sends you are in English.').waitFor();
    await page().getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await page().getByLabel('English').isChecked()).toBe(true);
    expect(await page().evaluate(() => document.documentElement.lang)).toBe('en');
    await checkAccessibility('/account (English)');
    await page().getByRole('button', { name: 'Sign out', exact: true }).click();
    // Someone else at this browser puts it back in Italian; the person's next sign-in brings English back.
    await page().getByRole('button', { name: /^IT\s*Italiano$/ }).click();
    await page().getByRole('link', { name: 'Accedi' }).first().waitFor();
    await signIn(INVITEE.email, INVITEE.password);
    await page().getByRole('link', { name: 'My account' }).waitFor();
    await page().getByRole('button', { name: 'Sign out', exact: true }).click();
    await page().getByRole('button', { name: /^IT\s*Italiano$/ }).click();
    await page().getByRole('link', { name: 'Accedi' }).first().waitFor();
  });

  it('the person forgets the password and resets it with the link of the mail (read in the administrator outbox)', async () => {
    await go('/accedi');
    await page().getByRole('link', { name: 'Password dimenticata?' }).click();
    await page().getByRole('heading', { level: 1, name: 'Password dimenticata' }).waitFor();
    await checkAccessibility('/password-dimenticata');
    await page().getByLabel('Indirizzo e-mail').fill(INVITEE.email);
    await page().getByRole('button', { name: 'Invia il collegamento' }).click();
    await page().getByText('Se esiste un account con questo indirizzo').waitFor();

    await signIn(admin.email, admin.password);
    const link = await linkInOutbox(INVITEE.email, 'Reimpostazione password');
    expect(link).toMatch(/^\/reimposta-password#/);
    // Written in the language the person chose.
    expect(lastOutboxBody).toContain('Someone (hopefully you) asked to reset the password of your Distretto account.');
    expect(lastOutboxBody).not.toContain('reimpostare');
    await signOut();

    await go(link);
    await page().getByText(`Scegli una nuova password per l'account ${INVITEE.email}.`).waitFor();
    await checkAccessibility('/reimposta-password');
    await page().locator('#reset-new-password').fill(INVITEE_RESET_PASSWORD);
    await page().locator('#reset-confirm-password').fill(INVITEE_RESET_PASSWORD);
    await page().getByRole('button', { name: 'Salva la nuova password' }).click();
    await page().getByText('Password reimpostata.').waitFor();
    // The link works once.
    await page().reload();
    await page().getByText('Il collegamento per reimpostare la password è scaduto, già usato o non valido.').waitFor();
    await signIn(INVITEE.email, INVITEE_RESET_PASSWORD);
    // The person reads English (their choice): sign out in English, and the browser back to Italian for the others.
    await page().getByRole('button', { name: 'Sign out', exact: true }).click();
    await page().getByRole('button', { name: /^IT\s*Italiano$/ }).click();
    await page().getByRole('link', { name: 'Accedi' }).first().waitFor();
  });

  it('the administrator grants and revokes a role, then deactivates the account', async () => {
    await signIn(admin.email, admin.password);
    await page().getByRole('link', { name: 'Utenti' }).first().click();
    await page().getByRole('heading', { level: 1, name: 'Utenti' }).waitFor();
    await page().getByLabel('Cerca per nome o e-mail').fill(INVITEE.email);
    await page().getByRole('button', { name: 'Cerca' }).click();
    await page().getByText('1 utente', { exact: true }).waitFor();
    const row = page().getByRole('row', { name: new RegExp(INVITEE.name) });
    await row.getByText("Membro dell'organizzazione").waitFor();

    await page().getByRole('button', { name: `Assegna un ruolo a ${INVITEE.name}` }).click();
    await page().getByLabel('Ruolo', { exact: true }).selectOption({ label: 'Valutatore' });
    await page().getByRole('button', { name: 'Assegna ruolo' }).click();
    await page().getByText('Modifica salvata.').waitFor();
    await row.getByText('Valutatore').waitFor();
    await checkAccessibility('/amministrazione/utenti');

    await page().getByRole('button', { name: `Togli il ruolo Valutatore a ${INVITEE.name}` }).click();
    await expect.poll(() => row.getByText('Valutatore').count()).toBe(0);
    await page().getByRole('button', { name: `Disattiva l'account di ${INVITEE.name}` }).click();
    await row.getByText('Disattivato').waitFor();
    await signOut();
  });

  it('the administrator opens the background jobs from the menu: failed ones first, then the waiting ones, in words', async () => {
    await signIn(admin.email, admin.password);
    await page().getByRole('link', { name: 'Attività in background', exact: true }).first().click();
    await page().getByRole('heading', { level: 1, name: 'Attività in background' }).waitFor();
    // The failed jobs by default: none on a fresh demo, or each with its retry button named after the job.
    await page().getByRole('table', { name: 'Attività non riuscite' }).waitFor();
    await page()
      .getByText('Nessuna attività non riuscita: tutto procede regolarmente.')
      .or(page().getByRole('button', { name: /^Riprova: .+, creata il / }).first())
      .waitFor();
    await checkAccessibility('/amministrazione/attivita-in-background');

    await page().getByLabel('Stato', { exact: true }).selectOption({ label: 'In attesa' });
    await page().getByRole('table', { name: 'Attività in attesa' }).waitFor();
    await page().getByText('Nessuna attività in attesa.').or(page().getByRole('table', { name: 'Attività in attesa' }).getByRole('rowheader').first()).waitFor();
    const text = await page().locator('main').innerText();
    // Job types in words and dates in Italian: no code, no ISO timestamp on screen.
    expect(text).not.toMatch(/mail\.deliver|matching\.remind-referrals|services\.rebuild-supply|\d{4}-\d{2}-\d{2}T\d{2}/);
    await checkAccessibility('/amministrazione/attivita-in-background?stato=queued');
    await signOut();
  });

  it('repeated wrong passwords end in a clear throttling message, not a lock', async () => {
    await go('/accedi');
    for (let attempt = 0; attempt < 5; attempt++) {
      await page().getByLabel('Indirizzo e-mail').fill(COORDINATOR.email);
      await page().locator('#login-password').fill(`not-the-password-${attempt}`);
      await page().getByRole('button', { name: 'Accedi', exact: true }).click();
      await page().getByText('E-mail o password non corretti.').waitFor();
    }
    await page().getByLabel('Indirizzo e-mail').fill(COORDINATOR.email);
    await page().locator('#login-password').fill(COORDINATOR_NEW_PASSWORD);
    await page().getByRole('button', { name: 'Accedi', exact: true }).click();
    await page().getByText(/Troppi tentativi non riusciti: per sicurezza attendi \d+ secondi prima di riprovare/).waitFor();
    await checkAccessibility('/accedi (throttled)');
  });

  it('the map pages run under the same policy (worker, canvas, styles)', async () => {
    await go('/territorio');
    await page().locator('.maplibregl-canvas').first().waitFor({ state: 'visible', timeout: 60_000 });
    await go('/organizzazioni?vista=mappa');
    await page().getByTestId('organizations-map').waitFor({ timeout: 60_000 });
  });

  it('met no CSP violation, no accessibility violation and no page error on the way', () => {
    expect(cspViolations).toEqual([]);
    expect(accessibility).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
