import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { clickMenuEntry } from './support/menu';
import { seriousAccessibilityProblems } from './support/accessibility';

const COORDINATOR = { email: 'coordinatore@pinerolese.demo', password: 'demo-pinerolese-2026', name: 'Coordinatrice del distretto (demo)' };
const FIRM_PERSON = { email: 'impresa@pinerolese.demo', password: 'demo-impresa-2026', name: 'Referente welfare di Meccanica Chisone (demo)' };
const CONSORTIUM = 'Consorzio dei servizi sociali del Pinerolese (demo)';
const FIRM = 'Meccanica Chisone S.r.l. (demo)';
const DISTRICT = 'Distretto di coesione sociale del Pinerolese (demo)';
const GROUP = 'Tavolo caregiver e lavoro (prova)';
const MEETING = 'Prima riunione del tavolo (prova)';
const ACTION = 'Mappare i caregiver tra i dipendenti';

/** A Rome wall-clock date and time ('YYYY-MM-DD', 'HH:MM') of an instant. */
function romeDateTime(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * Issue 15 end to end, all by clicking from the sign-in page: the demo district's coordinator opens the district, its
 * working groups, creates a group (the mandate written and previewed with the keyboard), invites two demo
 * organizations naming who represents them, schedules a meeting (a wrong end time is refused under its field; the
 * invitations appear in the outbox), and once the meeting has started records it held, the attendance (quorum shown),
 * the minutes with a decision and an action for the firm's person, and publishes them. That person signs in, follows
 * "I miei tavoli" from the home and finds the action. axe finds no serious or critical problem on the group, meeting
 * and "my groups" pages.
 */
describe('working group journey', () => {
  const journey = setUpJourney();
  const accessibility: string[] = [];
  const page = () => journey.page;
  let meetingStartsAt = new Date();

  async function checkAccessibility(label: string) {
    accessibility.push(...(await seriousAccessibilityProblems(page(), label)));
  }

  async function signIn(email: string, password: string) {
    await page().goto(`${journey.server.url}/accedi`);
    await page().getByLabel('Indirizzo e-mail').fill(email);
    await page().locator('#login-password').fill(password);
    await page().getByRole('button', { name: 'Accedi', exact: true }).click();
    await page().waitForURL((url) => !url.pathname.startsWith('/accedi'));
  }

  /** Waits for a page's title, or fails with what the page says instead. */
  async function heading(name: string | RegExp) {
    await page()
      .getByRole('heading', { level: 1, name })
      .waitFor()
      .catch(async (error) => {
        throw new Error(`${String(error)}\n${journey.pageErrors.join('\n')}\n${(await page().locator('main').innerText()).slice(0, 3000)}`);
      });
  }

  async function openGroupFromMyGroups(p: Page) {
    await clickMenuEntry(p, 'Tavoli');
    await heading('I miei tavoli');
    await p.getByRole('table').getByRole('link', { name: GROUP }).click();
    await heading(GROUP);
  }

  it('the coordinator signs in, opens the district and its working groups, and creates a group with the keyboard', async () => {
    await signIn(COORDINATOR.email, COORDINATOR.password);
    await clickMenuEntry(page(), 'Distretti');
    await page().getByRole('link', { name: DISTRICT }).first().click();
    await heading(DISTRICT);
    await page().getByRole('link', { name: 'Tavoli di lavoro' }).click();
    await heading('Tavoli di lavoro');
    await page().getByRole('link', { name: 'Nuovo tavolo' }).click();
    await heading('Nuovo tavolo di lavoro');

    await page().getByLabel(/^Nome del tavolo/).fill(GROUP);
    await page().getByLabel(/^Tema/).fill('Conciliare lavoro e cura dei familiari anziani');
    await page().getByLabel('Cura delle persone anziane').check();
    await page().getByRole('textbox', { name: /^Mandato/ }).fill('## Obiettivi\n\nRaccogliere i bisogni dei **caregiver** che lavorano.');
    // The Markdown editor's tabs, by keyboard: from "Scrivi", the right arrow selects "Anteprima" and shows the text.
    const writeTab = page().getByRole('tab', { name: 'Scrivi' }).first();
    await writeTab.focus();
    await page().keyboard.press('ArrowRight');
    const previewTab = page().getByRole('tab', { name: 'Anteprima' }).first();
    await expect.poll(() => previewTab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page().evaluate(() => document.activeElement?.textContent)).toBe('Anteprima');
    await page().getByRole('tabpanel', { name: 'Anteprima' }).getByRole('heading', { name: 'Obiettivi' }).waitFor();
    await page().keyboard.press('ArrowLeft');
    await expect.poll(() => writeTab.getAttribute('aria-selected')).toBe('true');
    await page().getByLabel(/^Quorum/).fill('50');
    await page().getByLabel('Su invito').check();
    // Submitted from the keyboard: Enter in a field of the form.
    await page().getByLabel(/^Nome del tavolo/).focus();
    await page().keyboard.press('Enter');
    await heading(GROUP);
    await page().getByText('Stato: In formazione · Su invito').waitFor();
    await page().getByText('quorum 50%').first().waitFor();
  });

  it('invites two demo organizations, naming the people who represent them', async () => {
    const invite = page().getByRole('form', { name: "Invita un'organizzazione" });
    for (const [organization, person, role] of [
      [CONSORTIUM, COORDINATOR.name, 'Presidente'],
      [FIRM, FIRM_PERSON.name, 'Componente'],
    ] as const) {
      await invite.getByLabel(/^Organizzazione/).selectOption({ label: organization });
      await invite.getByLabel(/^Chi la rappresenta/).selectOption({ label: person });
      await invite.getByLabel(/^Ruolo/).selectOption({ label: role });
      await invite.getByRole('button', { name: 'Invita' }).click();
      await page().getByText(`${person} rappresenterà ${organization} nel tavolo.`).waitFor();
    }
    const members = page().getByRole('table', { name: `Componenti del tavolo ${GROUP}` });
    await members.getByRole('row', { name: new RegExp(FIRM_PERSON.name.replace(/[()]/g, '\\$&')) }).getByRole('cell', { name: 'Componente', exact: true }).waitFor();
    await members.getByRole('row', { name: new RegExp(COORDINATOR.name.replace(/[()]/g, '\\$&')) }).getByRole('cell', { name: 'Presidente', exact: true }).waitFor();
    await checkAccessibility('group page');
  });

  it('schedules a meeting: a wrong end time is refused under its field, then the meeting is saved and its invitations are in the outbox', async () => {
    await page().getByRole('link', { name: 'Programma una riunione' }).click();
    await heading('Programma una riunione');
    // The meeting starts at the next minute but one (Rome time), so the journey can record it as held soon after.
    const now = Date.now();
    meetingStartsAt = new Date(Math.ceil(now / 60_000) * 60_000 + 60_000);
    // The form takes one day: a start at 23:59 moves to midnight, and the end stays on the start's day.
    if (romeDateTime(meetingStartsAt).time === '23:59') meetingStartsAt = new Date(meetingStartsAt.getTime() + 60_000);
    const start = romeDateTime(meetingStartsAt);
    let end = romeDateTime(new Date(meetingStartsAt.getTime() + 90 * 60_000));
    if (end.date !== start.date) end = { date: start.date, time: '23:59' };
    await page().getByLabel(/^Titolo/).fill(MEETING);
    await page().getByLabel(/^Giorno/).fill(start.date);
    await page().getByLabel(/^Ora di inizio/).fill(start.time);
    // An end before the start: the server names the field, the page says it under the field.
    await page().getByLabel(/^Ora di fine/).fill(start.time);
    await page().getByLabel(/^Comune/).fill('Pinerolo');
    await page().getByRole('button', { name: 'Pinerolo', exact: true }).click();
    await page().getByText('Comune: Pinerolo.').waitFor();
    await page().getByLabel(/^Indirizzo/).fill('Via Montebello 39');
    await page().getByLabel('Punto 1', { exact: true }).fill('Presentazione dei componenti');
    await page().getByRole('button', { name: 'Aggiungi un punto' }).click();
    await page().getByLabel('Punto 2', { exact: true }).fill('Mappatura dei caregiver');
    await page().getByLabel(/^Titolo/).focus();
    await page().keyboard.press('Enter');
    const endError = page().locator('#meeting-end-error');
    await endError.waitFor();
    expect(await endError.innerText()).toMatch(/ora di fine/i);
    expect(await page().getByLabel(/^Ora di fine/).getAttribute('aria-invalid')).toBe('true');
    await page().getByLabel(/^Ora di fine/).fill(end.time);
    await page().getByRole('button', { name: 'Programma la riunione' }).click();
    await heading(MEETING);
    await page().getByText(/^(lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica) \d{1,2} \S+ \d{4}, \d{2}:\d{2}–\d{2}:\d{2}$/).first().waitFor();
    await page().getByText('In presenza: Via Montebello 39, Pinerolo').waitFor();
    await page().getByRole('listitem').filter({ hasText: 'Mappatura dei caregiver' }).waitFor();
    await checkAccessibility('meeting page (scheduled)');

    await clickMenuEntry(page(), 'Questionari');
    await page().getByRole('link', { name: 'Posta in uscita' }).click();
    await heading('Posta in uscita');
    await page().getByLabel('Argomento').selectOption({ label: 'Convocazioni delle riunioni' });
    const outbox = page().getByRole('table', { name: 'Messaggi in uscita' });
    await outbox.getByRole('cell', { name: FIRM_PERSON.email, exact: true }).first().waitFor();
    await outbox.getByRole('cell', { name: COORDINATOR.email, exact: true }).first().waitFor();
  });

  it('once the meeting has started, records it held, the attendance with the quorum, and publishes minutes with a decision and an action', async () => {
    await openGroupFromMyGroups(page());
    await page().getByRole('region', { name: 'Riunioni', exact: true }).getByRole('link', { name: MEETING }).click();
    await heading(MEETING);
    // The meeting may be recorded as held once it has started.
    await expect.poll(() => Date.now(), { timeout: 150_000, interval: 1000 }).toBeGreaterThan(meetingStartsAt.getTime() + 1000);
    await page().getByRole('button', { name: 'Segna come svolta' }).click();
    await page().getByText('La riunione è segnata come svolta.').waitFor();
    await page().getByText('Stato: Svolta').waitFor();

    const attendance = page().getByRole('form', { name: 'Registro delle presenze' });
    await attendance.getByRole('group', { name: `Presenza di ${COORDINATOR.name}` }).getByLabel('Presente').check();
    await attendance.getByRole('group', { name: `Presenza di ${FIRM_PERSON.name}` }).getByLabel('Assente giustificato').check();
    await attendance.getByRole('button', { name: 'Salva le presenze' }).click();
    await page().getByText('Presenze salvate.').waitFor();
    await page().getByText('Organizzazioni rappresentate: 1 su 2').first().waitFor();
    await page().getByText('Quorum del 50% raggiunto.').first().waitFor();

    const minutes = page().getByRole('form', { name: 'Bozza del verbale' });
    await minutes.getByRole('textbox', { name: /^Testo del verbale/ }).fill('## Presenti\n\nIl consorzio; l\'impresa giustificata.\n\n## Decisioni\n\nSi avvia la mappatura.');
    await minutes.getByRole('button', { name: 'Salva la bozza' }).click();
    await page().getByText('Bozza salvata.').waitFor();

    const decision = page().getByRole('form', { name: 'Registra una decisione' });
    await decision.getByLabel(/^Oggetto della decisione/).fill('Avviare la mappatura dei caregiver');
    await decision.getByRole('button', { name: 'Registra la decisione' }).click();
    await page().getByText(/^Decisione \d{4}\/1 registrata\.$/).waitFor();
    await page().getByRole('heading', { name: /^Decisione \d{4}\/1: Avviare la mappatura dei caregiver/ }).waitFor();

    const action = page().getByRole('form', { name: "Assegna un'azione" });
    await action.getByLabel(/^Che cosa fare/).fill(ACTION);
    await action.getByLabel(/^Chi se ne occupa/).selectOption({ label: `${FIRM_PERSON.name} (${FIRM})` });
    await action.getByLabel(/^Entro il giorno/).fill(romeDateTime(new Date(Date.now() + 30 * 86_400_000)).date);
    await action.getByLabel(/^Decisione da cui nasce/).selectOption({ index: 1 });
    await action.getByRole('button', { name: "Assegna l'azione" }).click();
    await page().getByText(`Azione «${ACTION}» assegnata a ${FIRM_PERSON.name}.`).waitFor();
    await page().getByRole('region', { name: 'Azioni', exact: true }).getByText(ACTION, { exact: true }).waitFor();

    await page().getByRole('form', { name: 'Bozza del verbale' }).getByRole('button', { name: 'Pubblica il verbale' }).click();
    await page().getByRole('heading', { name: 'Verbale pubblicato' }).waitFor();
    await page().getByRole('region', { name: 'Verbale', exact: true }).getByRole('heading', { name: 'Presenti' }).waitFor();
    // Published minutes never change: a correction is a new version, and the page shows what changed, marked in words.
    await page().getByRole('button', { name: 'Pubblica una correzione' }).click();
    const correction = page().getByRole('form', { name: 'Correzione del verbale' });
    const correctionText = correction.getByRole('textbox', { name: /^Testo del verbale/ });
    await correctionText.fill((await correctionText.inputValue()).replace("l'impresa giustificata", "l'impresa assente giustificata"));
    await correction.getByLabel(/^Motivo della correzione/).fill("L'assenza dell'impresa era giustificata");
    await correction.getByRole('button', { name: 'Pubblica la correzione' }).click();
    await page().getByRole('heading', { name: 'Verbale pubblicato, versione 2' }).waitFor();
    await page().getByRole('button', { name: 'Mostra che cosa è cambiato nella versione 2' }).click();
    const changes = page().getByRole('group', { name: 'Parole aggiunte: 1; parole tolte: 0.' });
    await changes.waitFor();
    expect((await changes.locator('ins').innerText()).replace(/\s+/g, ' ').trim()).toBe('[inizio testo aggiunto] assente [fine testo aggiunto]');
    await checkAccessibility('meeting page (minutes corrected)');
    await page().getByRole('button', { name: 'Esci', exact: true }).click();
    await page().getByRole('link', { name: 'Accedi' }).first().waitFor();
    // Up to two minutes of it wait for the meeting's start.
  }, 300_000);

  it("the action's owner signs in, follows “I miei tavoli” from the home and finds the action", async () => {
    await signIn(FIRM_PERSON.email, FIRM_PERSON.password);
    // The person may own demo actions too: the card counts them all.
    const card = page().getByRole('region', { name: 'I miei tavoli', exact: true });
    await card.waitFor();
    await card.getByText(/^Azioni a tuo carico: [1-9]\d*$/).waitFor();
    await card.getByRole('link', { name: 'Vai ai miei tavoli' }).click();
    await heading('I miei tavoli');
    const mine = page().getByRole('region', { name: 'Le mie azioni' });
    const item = mine.getByRole('listitem').filter({ has: page().getByText(ACTION, { exact: true }) });
    await item.waitFor();
    expect(await item.innerText()).toMatch(/entro (lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica) \d{1,2} \S+ \d{4}/);
    expect(await item.innerText()).toContain(`Decisa nella riunione «${MEETING}»`);
    await page().getByRole('region', { name: 'I tavoli di cui faccio parte' }).getByRole('link', { name: GROUP }).waitFor();
    await checkAccessibility('my groups page');
    // The owner moves the action on from their page.
    await item.getByLabel(/^Nuovo stato/).selectOption({ label: 'In corso' });
    await item.getByRole('button', { name: 'Aggiorna lo stato' }).click();
    await item.getByText('stato: In corso', { exact: false }).waitFor();
    expect(accessibility).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });
});
