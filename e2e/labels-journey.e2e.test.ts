import { describe, expect, it } from 'vitest';
import { visibleCodeLeaks } from '../server/platform/testing/raw-codes';
import { setUpJourney } from './support/journey';
import { clickMenuEntry } from './support/menu';
import { seriousAccessibilityProblems } from './support/accessibility';

const DISTRICT = 'Distretto di coesione sociale del Pinerolese (demo)';
const GLICINE = 'Il Glicine (demo)';
const GLICINE_LEGAL = 'Cooperativa sociale Il Glicine (demo)';
const COORDINATOR = { email: 'coordinatore@pinerolese.demo', password: 'demo-pinerolese-2026' };
const GLICINE_ADMIN = { email: 'amministrazione@glicine.demo', password: 'demo-glicine-2026' };
const SCHEME = 'Marchio dei servizi accreditati del Pinerolese';
const SERVICE = 'Laboratorio della memoria al Glicine';

/**
 * Social quality labels (issue 17), all by clicking from the home page or signing in: an anonymous visitor filters the
 * services search by the label, sees it on a demo labelled provider's service and follows it to the verification page
 * (valid, with its criteria). The demo coordinator invites Il Glicine into the district and defines a scheme with a
 * mandatory and a scored criterion, naming themself assessor; Il Glicine's admin accepts, applies with evidence and a
 * file and submits (having published a service); the coordinator assesses, sees the award rule met, awards, follows
 * the verification page, finds the label on Il Glicine's service in the search filtered by the label, then revokes the label through the confirmation dialog, and the verification page says revoked. axe finds no serious or
 * critical violation on the scheme, application and verification pages; no raw code shows.
 */
describe('labels journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;
  let applicationUrl = '';

  const page = () => journey.page;
  const signIn = async (who: { email: string; password: string }) => {
    await page().getByRole('link', { name: 'Accedi' }).first().click();
    await page().getByLabel('Indirizzo e-mail').fill(who.email);
    await page().getByLabel('Password').fill(who.password);
    await page().getByRole('button', { name: 'Accedi' }).click();
    await page().getByRole('button', { name: 'Esci', exact: true }).waitFor();
  };
  const signOut = async () => {
    await page().getByRole('button', { name: 'Esci', exact: true }).click();
    await page().getByRole('link', { name: 'Accedi' }).first().waitFor();
  };
  const expectAccessible = async (label: string) => {
    expect(await seriousAccessibilityProblems(page(), label)).toEqual([]);
  };
  const expectWords = async () => {
    expect(visibleCodeLeaks(await page().locator('main').innerText(), 'it')).toEqual([]);
  };

  it('an anonymous visitor filters the services by the label and follows it to a valid verification page', async () => {
    await page().goto(`${journey.server.url}/`);
    await page().getByRole('link', { name: 'Servizi', exact: true }).first().click();
    await page().getByRole('heading', { level: 1, name: 'Trova un servizio' }).waitFor();
    await page().getByLabel('Cosa cerchi?').fill('assistenza anziani');
    // Bootstrap Italia draws the box on the label: a person clicks the label.
    await page().getByText('Solo fornitori con il marchio di qualità sociale', { exact: true }).click();
    expect(await page().getByLabel('Solo fornitori con il marchio di qualità sociale').isChecked()).toBe(true);
    await page().getByRole('button', { name: 'Cerca', exact: true }).click();
    const results = page().getByRole('list', { name: 'Servizi trovati' });
    await expect.poll(() => page().url()).toContain('marchio=1');
    // Only labelled providers: once the filtered answer is in, every card carries the label.
    await expect.poll(() => results.locator('article').filter({ hasNotText: 'Marchio di qualità sociale' }).count()).toBe(0);
    const card = results.locator('article', { hasText: 'Cooperativa sociale Val Chisone (demo)' }).first();
    await card.waitFor();
    await card.getByRole('link', { name: /^Marchio di qualità sociale «Marchio di qualità sociale del Pinerolese \(demo\)», valido fino al/ }).click();
    await page().getByRole('heading', { level: 1, name: 'Cooperativa sociale Val Chisone (demo)' }).waitFor();
    await page().getByText(/^Il marchio è valido: assegnato dal/).waitFor();
    const main = await page().locator('main').innerText();
    expect(main).toContain('Carta dei servizi pubblicata e aggiornata');
    expect(main).toContain('Formazione continua del personale');
    await expectAccessible('verification page');
    await expectWords();
  });

  it('the coordinator invites Il Glicine into the district and defines a scheme from the menu', async () => {
    await signIn(COORDINATOR);
    await page().getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Distretti' }).click();
    await page().getByRole('link', { name: DISTRICT }).first().click();
    await page().getByRole('heading', { level: 1, name: DISTRICT }).waitFor();
    await page().getByLabel("Cerca un'organizzazione per nome").fill('Glicine');
    await page().locator('#invite-organization option', { hasText: 'Il Glicine' }).waitFor({ state: 'attached' });
    await page().getByLabel('Organizzazione da invitare').selectOption({ label: `${GLICINE_LEGAL} (Torino)` });
    await page().getByLabel('Ruolo nel distretto').selectOption({ label: 'Membro' });
    await page().getByRole('button', { name: "Invia l'invito" }).click();
    await page().getByText(`Invito inviato a ${GLICINE}.`).waitFor();

    // The district page leads to the labels too; the journey takes the menu.
    await page().getByRole('link', { name: 'Marchi di qualità sociale' }).waitFor();
    await clickMenuEntry(page(), 'Marchi di qualità');
    await page().getByRole('heading', { level: 1, name: 'Marchi di qualità sociale' }).waitFor();
    const schemes = page().getByRole('table', { name: 'Marchi che puoi consultare' });
    const demoRow = schemes.getByRole('row').filter({ has: page().getByRole('rowheader', { name: 'Marchio di qualità sociale del Pinerolese (demo)' }) });
    // The demo scheme: four criteria, two years, two labelled providers.
    await expect.poll(() => demoRow.innerText()).toMatch(/4\s+2 anni\s+2/);
    await page().getByRole('link', { name: 'Nuovo marchio' }).click();
    await page().getByRole('heading', { level: 1, name: 'Nuovo marchio di qualità sociale' }).waitFor();
    const form = page().getByRole('form', { name: 'Il marchio' });
    // Sent empty: each problem beside its field, nothing sent.
    await form.getByRole('button', { name: 'Definisci il marchio' }).click();
    await form.getByText('Scegli almeno un valutatore.').waitFor();
    await form.getByLabel(/^Nome del marchio/).fill(SCHEME);
    await form.getByLabel(/^Descrizione del criterio/).fill('Carta dei servizi pubblicata');
    await form.getByLabel('Documentazione richiesta').fill('La carta dei servizi o il suo indirizzo web');
    await form.getByRole('button', { name: 'Aggiungi un criterio' }).click();
    const second = form.getByRole('group', { name: 'Criterio 2' });
    await second.getByLabel(/^Descrizione del criterio/).fill('Formazione del personale');
    await second.getByLabel('Tipo di criterio').selectOption({ label: 'A punteggio' });
    await second.getByLabel(/^Punti massimi/).fill('10');
    await form.getByLabel('Soglia di punteggio').fill('6');
    await form.getByLabel(/^Durata in mesi/).fill('12');
    // The coordinator names themself assessor (they belong to no applicant: no conflict of interest).
    await form.getByText('Coordinatrice del distretto (demo)', { exact: true }).click();
    expect(await form.getByLabel('Coordinatrice del distretto (demo)').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Definisci il marchio' }).click();
    await page().getByRole('heading', { level: 1, name: SCHEME }).waitFor();
    const facts = await page().locator('main').innerText();
    expect(facts).toContain('Durata: 1 anno dall');
    expect(facts).toContain('Soglia: 6 punti su 10');
    await expectAccessible('scheme page');
    await expectWords();
    await signOut();
  });

  it("Il Glicine's admin accepts the invitation, applies with evidence and a file, and submits", async () => {
    await signIn(GLICINE_ADMIN);
    const invitations = page().getByRole('table', { name: 'Inviti e richieste di adesione in attesa' });
    await invitations.getByRole('button', { name: `Accetta l'adesione di ${GLICINE} a ${DISTRICT}` }).click();
    await page().getByRole('heading', { level: 2, name: 'Inviti e richieste di adesione ai distretti' }).waitFor({ state: 'detached' });
    // A service of Il Glicine, so the label shows in the directory once awarded.
    await clickMenuEntry(page(), 'Servizi');
    await page().getByRole('link', { name: 'Pubblica un servizio della tua organizzazione' }).click();
    await page().getByLabel(/^Nome del servizio/).fill(SERVICE);
    await page().getByRole('button', { name: 'Salva', exact: true }).click();
    await page().getByRole('heading', { level: 1, name: SERVICE }).waitFor();
    await clickMenuEntry(page(), 'Marchi di qualità');
    await page().getByRole('link', { name: SCHEME }).click();
    await page().getByRole('heading', { level: 1, name: SCHEME }).waitFor();
    await page().getByLabel('Per quale organizzazione').waitFor();
    await page().getByRole('button', { name: 'Chiedi il marchio' }).click();
    await page().getByRole('heading', { level: 1, name: /^Domanda di / }).waitFor();
    applicationUrl = page().url();
    expect(applicationUrl).toMatch(/\/marchi\/domande\/[0-9a-f-]{36}$/);
    await page().getByText('In bozza', { exact: true }).waitFor();
    // Submitting without evidence is refused in words.
    await page().getByRole('button', { name: 'Invia la domanda' }).click();
    await page().getByText('Mancano le evidenze di alcuni criteri').waitFor();
    for (const [number, text] of [
      [1, 'Carta dei servizi 2026 sul sito della cooperativa'],
      [2, 'Trenta ore di formazione per operatore nel 2026'],
    ] as const) {
      await page().getByLabel(`Evidenza per il criterio ${number}`).fill(text);
      await page().getByLabel(`Evidenza per il criterio ${number}`).locator('xpath=ancestor::form').getByRole('button', { name: "Salva l'evidenza" }).click();
      await page().getByText('Evidenza salvata.').first().waitFor();
    }
    await page().getByLabel('Scegli i file da allegare').setInputFiles({ name: 'Carta.txt', mimeType: 'text/plain', buffer: Buffer.from('Carta dei servizi della cooperativa Il Glicine.\n') });
    await page().getByRole('button', { name: 'Allega', exact: true }).click();
    await page().getByRole('link', { name: 'Carta.txt' }).waitFor();
    await expectAccessible('application page (applicant)');
    await page().getByRole('button', { name: 'Invia la domanda' }).click();
    await page().getByText('Inviata, in valutazione', { exact: true }).waitFor();
    await expectWords();
    await signOut();
  });

  it('the coordinator assesses each criterion, awards the label and finds the verification page', async () => {
    await signIn(COORDINATOR);
    await clickMenuEntry(page(), 'Marchi di qualità');
    const applications = page().getByRole('table', { name: 'Le domande che puoi leggere' });
    const row = applications.getByRole('row').filter({ hasText: SCHEME });
    await row.getByRole('link', { name: GLICINE }).click();
    await page().getByRole('heading', { level: 1, name: `Domanda di ${GLICINE}` }).waitFor();
    await page().getByText('Restano 2 criteri da valutare.').waitFor();
    await page().getByText('Carta dei servizi 2026 sul sito della cooperativa').waitFor();
    await page().getByRole('link', { name: 'Carta.txt' }).waitFor();
    // Bootstrap Italia draws the radio on the label.
    await page().getByRole('group', { name: 'Il criterio 1 è soddisfatto?' }).getByText('Soddisfatto', { exact: true }).click();
    await page().getByLabel('Nota').first().fill('Verificata sul sito.');
    await page().getByRole('button', { name: 'Salva la valutazione' }).first().click();
    await page().getByText('Resta 1 criterio da valutare.').waitFor();
    await page().getByLabel('Punti (da 0 a 10)').fill('8');
    await page().getByRole('button', { name: 'Salva la valutazione' }).nth(1).click();
    await page().getByText('Punteggio: 8 su 10; la soglia è 6.').waitFor();
    await page().getByText(/il marchio si può assegnare/).waitFor();
    await expectAccessible('application page (assessor)');
    await page().getByRole('button', { name: 'Assegna il marchio' }).click();
    await page().getByText('Marchio assegnato', { exact: true }).waitFor();
    await page().getByText(/^Stato del marchio: Valido\./).waitFor();
    expect(await page().getByLabel(/^Codice per mostrare il contrassegno/).inputValue()).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/marchio\/[A-Za-z0-9_-]+"><img src=".*\/api\/labels\/badge\/[A-Za-z0-9_-]+\.svg"/);
    await expectWords();
    await page().getByRole('link', { name: 'Apri la pagina pubblica di verifica' }).click();
    await page().getByRole('heading', { level: 1, name: GLICINE }).waitFor();
    await page().getByText(/^Il marchio è valido/).waitFor();
    expect(await page().locator('main').innerText()).toContain('Formazione del personale');
  });

  it("the label shows on Il Glicine's service in the search, filtered by the label", async () => {
    await clickMenuEntry(page(), 'Servizi');
    await page().getByRole('heading', { level: 1, name: 'Trova un servizio' }).waitFor();
    await page().getByLabel('Cosa cerchi?').fill(SERVICE);
    await page().getByText('Solo fornitori con il marchio di qualità sociale', { exact: true }).click();
    await page().getByRole('button', { name: 'Cerca', exact: true }).click();
    await expect.poll(() => page().url()).toContain('marchio=1');
    const card = page().getByRole('list', { name: 'Servizi trovati' }).locator('article', { hasText: SERVICE }).first();
    await card.getByRole('link', { name: new RegExp(`^Marchio di qualità sociale «${SCHEME}», valido fino al`) }).waitFor();
  });

  it('the coordinator revokes the label after confirming, and the verification page says revoked', async () => {
    await clickMenuEntry(page(), 'Marchi di qualità');
    await page().getByRole('table', { name: 'Le domande che puoi leggere' }).getByRole('row').filter({ hasText: SCHEME }).getByRole('link', { name: GLICINE }).click();
    await page().getByRole('heading', { level: 1, name: `Domanda di ${GLICINE}` }).waitFor();
    await page().getByRole('button', { name: 'Revoca il marchio' }).click();
    await page().getByText('Campo obbligatorio.').waitFor();
    await page().getByLabel(/^Motivo della revoca/).fill('Carta dei servizi ritirata dal sito');
    await page().getByRole('button', { name: 'Revoca il marchio' }).click();
    const dialog = page().getByRole('dialog', { name: `Revocare il marchio di ${GLICINE}?` });
    await dialog.waitFor();
    // Cancelling changes nothing; confirming revokes.
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page().getByRole('button', { name: 'Revoca il marchio' }).click();
    await dialog.getByRole('button', { name: 'Sì, revoca il marchio' }).click();
    await page().getByText(/^Stato del marchio: Revocato\./).waitFor();
    await page().getByRole('link', { name: 'Apri la pagina pubblica di verifica' }).click();
    await page().getByText(/^Il marchio è stato revocato il/).waitFor();
    await expectAccessible('verification page (revoked)');
    expect(await page().locator('main').innerText()).not.toContain('Carta dei servizi ritirata dal sito');
    expect(pageErrors).toEqual([]);
  });
});
