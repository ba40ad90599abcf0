import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { clickMenuEntry } from './support/menu';
import { seriousAccessibilityProblems } from './support/accessibility';

/**
 * Accounts people can manage (issue 11), from the sign-in page: the demo coordinator changes their password and
 * invites a new person, who accepts and creates an account and chooses English in "my account" (the web app switches,
 * and does again at their next sign-in); that person forgets the password and resets it with the mailed link (read in
 * the administrator's outbox, written in English); the administrator grants and revokes a role and deactivates the
 * account, then sets the SMTP server: the mail server (of this test) refuses the new person's address, so those messages'
 * delivery jobs die after their attempts; the administrator sees them counted in the menu, opens the background jobs,
 * reads why in words and, the address accepted again, retries one, which is delivered. Repeated wrong passwords show
 * the throttling message. Every page runs under the real CSP (violations are collected from the console) and is
 * checked with axe.
 */
describe('accounts journey', () => {
  // A failed job waits 1 s, 2 s, 4 s, 8 s before its next attempts (10 s doubling in production): dead within a minute.
  const journey = setUpJourney({ serverEnv: { DISTRETTO_JOB_RETRY_BASE_SECONDS: '1' } });
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

  /** A real SMTP server on a socket: it refuses `refused` addresses (a mailbox that does not exist) and keeps the rest. */
  const refused = new Set<string>();
  const delivered: string[] = [];
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address)) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        delivered.push(...session.envelope.rcptTo.map((recipient) => recipient.address));
        callback();
      });
    },
  });
  let smtpPort = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  const page = () => journey.page;
  const go = (path: string) => page().goto(`${journey.server.url}${path}`);

  async function checkAccessibility(label: string) {
    accessibility.push(...(await seriousAccessibilityProblems(page(), label)));
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
    await clickMenuEntry(page(), 'Invita persone');
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
    await clickMenuEntry(page(), 'Utenti');
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

  it('the administrator sets the mail server: messages to an address it refuses end as failed jobs, found from the menu and counted there', async () => {
    refused.add(INVITEE.email);
    await signIn(admin.email, admin.password);
    await page().getByRole('link', { name: 'Questionari' }).first().click();
    await page().getByRole('link', { name: 'Posta in uscita' }).click();
    await page().getByText('Server di posta (SMTP)').click();
    await page().getByLabel('Server SMTP', { exact: true }).fill('127.0.0.1');
    await page().getByLabel('Porta', { exact: true }).fill(String(smtpPort));
    await page().getByLabel('Mittente', { exact: true }).fill('distretto@esempio.it');
    // The notice of the save goes with the form, which shows the saved settings again: wait for the server's answer.
    const saved = page().waitForResponse((response) => response.url().endsWith('/api/mail/settings') && response.request().method() === 'PATCH');
    await page().getByRole('button', { name: 'Salva le impostazioni di posta' }).click();
    expect((await saved).status()).toBe(200);
    // The invitation and the reset link to the new person are refused at each attempt, then given up: the failed jobs
    // list them (a new page asks at once), and the menu counts them.
    await clickMenuEntry(page(), /^Attività in background/);
    const failedMails = page().getByRole('table', { name: 'Attività non riuscite' }).getByRole('rowheader', { name: 'Invio di un messaggio' });
    const bothDead = await expect
      .poll(async () => {
        await page().reload();
        await page().getByRole('table', { name: 'Attività non riuscite' }).waitFor();
        return failedMails.count();
      }, { timeout: 180_000, interval: 2_000 })
      .toBe(2)
      .then(() => true, () => false);
    if (!bothDead) throw new Error(`the failed jobs never listed both messages:\n${await page().locator('main').innerText()}\n--- server ---\n${journey.server.output().slice(-4000)}`);
    // The count shows on the menu's "Amministrazione" while it is closed, and on its entry.
    const menu = page().locator('#main-navigation').getByRole('button', { name: /^Amministrazione\s*:\s*2 attività non riuscite$/ });
    const counted = await menu.first().waitFor({ timeout: 20_000 }).then(() => true, () => false);
    if (!counted) throw new Error(`the menu does not count them: ${(await page().locator('#main-navigation a').allInnerTexts()).join(' | ')}`);
    expect(delivered).not.toContain(INVITEE.email);
  }, 240_000);

  it('the administrator reads why the jobs failed, in words, and retries one once the cause is gone', async () => {
    await page().getByRole('heading', { level: 1, name: 'Attività in background' }).waitFor();
    const failed = page().getByRole('table', { name: 'Attività non riuscite' });
    await expect.poll(() => failed.getByRole('rowheader', { name: 'Invio di un messaggio' }).count()).toBe(2);
    await expect.poll(() => failed.getByText("Il server di posta ha rifiutato il destinatario: verificate l'indirizzo e-mail.").count()).toBe(2);
    await failed.getByText('5 di 5').first().waitFor();
    // What is on screen is in words: the server's raw answer stays in the closed technical details.
    const shown = await page().evaluate(() => {
      const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
      for (const details of main.querySelectorAll('details')) details.remove();
      return main.textContent ?? '';
    });
    expect(shown).not.toMatch(/550|Mailbox unavailable|EENVELOPE|recipient-refused|mail\.deliver|\d{4}-\d{2}-\d{2}T\d{2}/);
    await checkAccessibility('/amministrazione/attivita-in-background (failed jobs)');
    await failed.getByText('Dettagli tecnici').first().click();
    await failed.getByText(/Mailbox unavailable/).first().waitFor();

    // The mailbox exists now: the retried message is queued again, leaves the failed ones and arrives.
    refused.delete(INVITEE.email);
    await failed.getByRole('button', { name: /^Riprova: Invio di un messaggio, creata il / }).first().click();
    await page().getByText("L'attività «Invio di un messaggio» è di nuovo in attesa: la piattaforma la eseguirà a breve.").waitFor();
    await expect.poll(() => failed.getByRole('rowheader', { name: 'Invio di un messaggio' }).count()).toBe(1);
    await page().locator('#main-navigation').getByRole('button', { name: /^Amministrazione\s*:\s*1 attività non riuscita$/ }).waitFor();
    await expect.poll(() => delivered.filter((address) => address === INVITEE.email).length, { timeout: 60_000 }).toBe(1);

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
