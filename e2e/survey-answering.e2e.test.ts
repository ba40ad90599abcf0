import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { seriousAccessibilityProblems } from './support/accessibility';

/**
 * A firm answers the demo needs survey through its personal link (no account), on a phone-sized screen too, with the
 * keyboard-friendly labelled form; then the coordinator's survey pages pass the accessibility check.
 */
describe('answering a survey without an account', () => {
  const journey = setUpJourney();


  it('saves section by section, points to what is missing, submits, and the coordinator sees the response', async () => {
    const { server, page } = journey;
    const api = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { json: await response.json(), headers: response.headers };
    };
    const login = await api('POST', '/api/auth/login', {}, { email: 'coordinatore@pinerolese.demo', password: 'demo-pinerolese-2026' });
    const auth = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': login.json.csrfToken as string };
    // The company-welfare survey (the demo has a short transport survey open too).
    const surveyId = ((await api('GET', '/api/surveys', auth)).json.items as { id: string; title: string }[]).find((item) => item.title.startsWith('Indagine sui bisogni di welfare'))!.id;
    const invitations = async () => (await api('GET', `/api/surveys/${surveyId}/invitations`, auth)).json.items as { id: string; responseStatus: string }[];
    const target = (await invitations()).find((item) => item.responseStatus === 'none')!;
    // Links are shown once: the coordinator issues a new one for this organization.
    const link = (await api('POST', `/api/surveys/${surveyId}/invitations/${target.id}/link`, auth, { resend: false })).json.link as string;

    await page.goto(`${server.url}${new URL(link).pathname}`);
    await page.getByText('Sezione 1 di 4').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByLabel('Impresa').check();
    await page.getByLabel('Quanti dipendenti ha la vostra organizzazione?').fill('40');
    const municipality = page.getByLabel('In quale comune lavora la maggior parte dei vostri dipendenti?');
    await municipality.fill('Pinerolo');
    await page.locator('datalist option[value="Pinerolo (TO)"]').waitFor({ state: 'attached' });
    await municipality.fill('Pinerolo (TO)');
    await page.getByText('Comune scelto: Pinerolo.').waitFor();
    await page.getByRole('button', { name: 'Salva e continua' }).click();
    await page.getByText('Risposte della sezione salvate.').waitFor();
    await page.getByText('Sezione 2 di 4').waitFor();

    // "Yes" shows the follow-up, which is required: submitting without it points back to it.
    await page.getByRole('group', { name: /sono presenti prestazioni/ }).getByLabel('Sì').check();
    await page.getByText('Quali misure di welfare sono già attive?').waitFor();
    await page.getByRole('button', { name: 'Salva e continua' }).click();
    await page.getByText('Sezione 3 di 4').waitFor();
    // The relevance matrix fits a phone screen too (rows wrap, no sideways scrolling).
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const row of await page.getByRole('group', { name: /Cura|Centri|Assistenza|Sostegno|Prevenzione|Supporto|Trasporto|Formazione|Casa|Conciliazione/ }).all()) {
      await row.getByLabel('4').check();
    }
    await page.getByRole('button', { name: 'Salva e continua' }).click();
    await page.getByText('Sezione 4 di 4').waitFor();
    await page.getByRole('group', { name: /condividere servizi/ }).getByLabel('No').check();
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'da correggere' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Quali misure di welfare sono già attive?: Questa risposta è obbligatoria.');
    await page.getByText('Sezione 2 di 4').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.getByLabel('Flessibilità oraria e lavoro agile').check();
    await page.getByRole('button', { name: 'Salva e continua' }).click();
    await page.getByText('Sezione 3 di 4').waitFor();
    await page.getByRole('button', { name: 'Salva e continua' }).click();
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    await page.getByText('Grazie! Le risposte sono state inviate.').waitFor();
    expect((await invitations()).find((item) => item.id === target.id)!.responseStatus).toBe('submitted');

    // Resuming the link shows the answers, editable until the closing date.
    await page.reload();
    await page.getByText('Avete già inviato le risposte: potete ancora modificarle.').waitFor();
    expect(await page.getByLabel('Quanti dipendenti ha la vostra organizzazione?').inputValue()).toBe('40');
    // An edit of the submitted response, section by section: "Salva e continua" saves it on the server and continues.
    await page.getByLabel('Quanti dipendenti ha la vostra organizzazione?').fill('45');
    await page.getByRole('button', { name: 'Salva e continua' }).click();
    await page.getByText('Modifiche salvate.').waitFor();
    await page.getByText('Sezione 2 di 4').waitFor();
    await page.reload();
    await page.getByText('Sezione 1 di 4').waitFor();
    await expect.poll(() => page.getByLabel('Quanti dipendenti ha la vostra organizzazione?').inputValue()).toBe('45');

    await page.goto(`${server.url}/accedi`);
    await page.getByLabel('E-mail').fill('coordinatore@pinerolese.demo');
    await page.getByLabel('Password').fill('demo-pinerolese-2026');
    await page.getByRole('button', { name: /Accedi/ }).click();
    await page.getByRole('link', { name: 'Questionari' }).first().waitFor();
    for (const path of ['/questionari', `/questionari/${surveyId}`, `/questionari/${surveyId}/inviti`, '/posta-in-uscita', '/questionari/nuovo']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await seriousAccessibilityProblems(page), path).toEqual([]);
    }
    await page.goto(`${server.url}/questionari/${surveyId}/inviti`);
    await page.getByRole('cell', { name: 'Inviata' }).first().waitFor();
    expect(journey.pageErrors).toEqual([]);
  });

  it('lets the coordinator build a short survey with a follow-up, open it and get a public link', async () => {
    const { server, page } = journey;
    await page.goto(`${server.url}/questionari/nuovo`);
    await page.getByLabel('Titolo').fill('Trasporti casa-lavoro');
    await page.getByLabel('Questionario vuoto').check();
    await page.getByRole('button', { name: 'Crea la bozza' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trasporti casa-lavoro' }).waitFor();
    await page.locator('#new-section-title').fill('Spostamenti');
    await page.getByRole('button', { name: 'Aggiungi la sezione' }).click();
    await page.getByRole('heading', { name: 'Sezione 1: Spostamenti' }).waitFor();

    await page.getByRole('button', { name: 'Aggiungi una domanda' }).click();
    const editor = page.getByRole('form', { name: 'Nuova domanda' });
    await editor.getByLabel('Tipo di domanda').selectOption('yes_no');
    await editor.getByLabel('Codice').fill('usa_auto');
    await editor.getByLabel('Testo della domanda').fill('I dipendenti vengono al lavoro in auto?');
    await editor.getByLabel('Risposta obbligatoria').check();
    await editor.getByRole('button', { name: 'Salva la domanda' }).click();
    // The question's buttons carry its text for screen readers too: wait for the visible line.
    await page.getByText('I dipendenti vengono al lavoro in auto? (obbligatoria)').waitFor();

    await page.getByRole('button', { name: 'Aggiungi una domanda' }).click();
    await editor.getByLabel('Tipo di domanda').selectOption('number');
    await editor.getByLabel('Codice').fill('km');
    await editor.getByLabel('Testo della domanda').fill('Quanti chilometri in media?');
    await editor.getByLabel('Minimo').fill('0');
    await editor.getByLabel('Massimo').fill('300');
    await editor.getByLabel('Mostra solo se la domanda precedente').selectOption({ label: 'usa_auto — I dipendenti vengono al lavoro in auto?' });
    await editor.getByLabel('ha la risposta').selectOption('yes');
    await editor.getByRole('button', { name: 'Salva la domanda' }).click();
    await page.getByText('mostrata se «I dipendenti vengono al lavoro in auto?» è «Sì»').waitFor();

    await page.getByRole('button', { name: 'Apri il questionario' }).click();
    await page.getByText('Il questionario è aperto alle risposte.').waitFor();
    await page.getByRole('link', { name: /Inviti/ }).click();
    await page.getByRole('button', { name: 'Attiva il link pubblico' }).click();
    const publicLink = await page.locator('code').filter({ hasText: '/rispondi/' }).innerText();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.goto(publicLink);
    await page.getByText('Risposta anonima').waitFor();
    expect(await page.getByText('Quanti chilometri in media?').count()).toBe(0);
    await page.getByLabel('Sì').check();
    await page.getByLabel('Quanti chilometri in media?').fill('500');
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    await page.getByText("Il valore è fuori dall'intervallo ammesso.").first().waitFor();
    await page.getByLabel('Quanti chilometri in media?').fill('25');
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    // The first save of a public link moves to the response's own resume address.
    await page.waitForURL((url) => url.pathname.startsWith('/rispondi/') && url.href !== publicLink);
    await page.getByText('Per riprendere o modificare le vostre risposte, conservate questo indirizzo:').waitFor();

    // An answered question cannot be removed: the builder says which and why.
    await page.goto(`${server.url}/questionari`);
    await page.getByRole('link', { name: /Indagine sui bisogni di welfare/ }).click();
    await page.getByRole('button', { name: 'Elimina Che tipo di organizzazione rappresentate?' }).click();
    await page.getByText('La domanda «tipo_organizzazione» (Che tipo di organizzazione rappresentate?) ha già delle risposte: non si può eliminare.').waitFor();
    expect(journey.pageErrors).toEqual([]);
  });
});
