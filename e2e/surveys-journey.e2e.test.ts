import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { seriousAccessibilityProblems } from './support/accessibility';

const COORDINATOR = { email: 'coordinatore@pinerolese.demo', password: 'demo-pinerolese-2026' };
const FIRM = 'Meccanica Chisone S.r.l. (demo)';
const YES_NO_QUESTION = 'Avete un piano di welfare aziendale?';

/**
 * Issue 6 end to end: the coordinator builds a short survey (a question added in the builder, then opened), invites a
 * demo firm, reads a value in a chart's table; the firm answers through its personal link without an account; the
 * coordinator reloads the report and sees the count change. The answer page passes the accessibility check.
 */
describe('surveys journey', () => {
  const journey = setUpJourney();
  let surveyId = '';
  let link = '';

  /** The count in the report's table for one answer of one question. */
  const reportCount = async (page: Page, question: string, answer: string) => {
    const table = page.getByRole('table', { name: `Distribuzione delle risposte: ${question}` });
    await table.waitFor();
    return (await table.getByRole('row', { name: new RegExp(`^${answer} `) }).getByRole('cell').first().innerText()).trim();
  };

  it('builds a short survey: one question through the API, one in the builder, then opens it', async () => {
    const { server, page } = journey;
    const api = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, json: await response.json(), headers: response.headers };
    };
    const login = await api('POST', '/api/auth/login', {}, COORDINATOR);
    const auth = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': login.json.csrfToken as string };
    const district = (await api('GET', '/api/districts')).json.items.find((item: { isDemo: boolean }) => item.isDemo) as { id: string };
    let survey = (await api('POST', '/api/surveys', auth, { districtId: district.id, title: 'Welfare in azienda (prova)' })).json;
    surveyId = survey.id;
    if (survey.sections.length === 0) survey = (await api('POST', `/api/surveys/${surveyId}/sections`, auth, { version: survey.version, title: 'Domande' })).json;
    const added = await api('POST', `/api/surveys/${surveyId}/questions`, auth, {
      version: survey.version,
      sectionId: survey.sections[0].id,
      code: 'servizio',
      type: 'single_choice',
      label: 'Di quale servizio avete più bisogno?',
      config: { options: [{ code: 'nido', label: 'Nido' }, { code: 'babysitter', label: 'Babysitter' }] },
    });
    expect(added.status).toBe(200);

    await page.goto(`${server.url}/accedi`);
    await page.getByLabel('Indirizzo e-mail').fill(COORDINATOR.email);
    await page.getByLabel('Password').fill(COORDINATOR.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => page.url()).not.toContain('/accedi');

    await page.goto(`${server.url}/questionari/${surveyId}`);
    await page.getByRole('button', { name: 'Aggiungi una domanda' }).first().click();
    await page.getByLabel('Tipo di domanda').selectOption('yes_no');
    await page.getByLabel(/^Codice/).first().fill('piano');
    await page.getByLabel(/^Testo della domanda/).fill(YES_NO_QUESTION);
    await page.getByRole('button', { name: 'Salva la domanda' }).click();
    // Saved when the editor has closed and the builder lists the question.
    await page.getByRole('form', { name: 'Nuova domanda' }).waitFor({ state: 'detached' });
    await page.getByText(YES_NO_QUESTION).first().waitFor();
    // Its editor is named for screen readers by the question's text, not by its code.
    await page.getByRole('button', { name: `Modifica ${YES_NO_QUESTION}` }).click();
    const editor = page.getByRole('form', { name: `Modifica la domanda «${YES_NO_QUESTION}»` });
    await editor.getByRole('button', { name: 'Annulla' }).click();
    await editor.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Apri il questionario' }).click();
    await page.getByText('Il questionario è aperto alle risposte.').waitFor({ timeout: 8000 }).catch(async (error) => {
      throw new Error(`${String(error)}\n${(await page.locator('main').innerText()).slice(0, 3000)}`);
    });

    const members = (await api('GET', `/api/districts/${district.id}`)).json.members as { organizationId: string; name: string }[];
    const firm = members.find((member) => member.name === FIRM)!;
    const created = await api('POST', `/api/surveys/${surveyId}/invitations`, auth, { organizationIds: [firm.organizationId] });
    expect(created.status, JSON.stringify(created.json)).toBeLessThan(300);
    link = created.json.items[0].link as string;
  });

  it('shows the coordinator a report with a chart and its table: nobody has answered yet', async () => {
    const { server, page } = journey;
    await page.goto(`${server.url}/questionari/${surveyId}/rapporto`);
    await page.getByRole('heading', { level: 1, name: 'Welfare in azienda (prova)' }).waitFor();
    await page.getByRole('img', { name: new RegExp(YES_NO_QUESTION.replace('?', '\\?')) }).waitFor();
    expect(await reportCount(page, YES_NO_QUESTION, 'Sì')).toBe('0');
    await page.getByText('Tasso di risposta complessivo: 0%').waitFor();
  });

  it('lets the firm answer through its personal link, without an account', async () => {
    const context = await journey.browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${journey.server.url}${new URL(link).pathname}`);
    await page.getByText(`Rispondete per: ${FIRM}`).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByLabel('Nido').check();
    await page.getByRole('group', { name: new RegExp(YES_NO_QUESTION.replace('?', '\\?')) }).getByLabel('Sì').check();
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    await page.getByText('Grazie! Le risposte sono state inviate.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the coordinator the new answer after a reload', async () => {
    const { server, page } = journey;
    await page.goto(`${server.url}/questionari/${surveyId}/rapporto`);
    await page.getByRole('heading', { level: 1, name: 'Welfare in azienda (prova)' }).waitFor();
    expect(await reportCount(page, YES_NO_QUESTION, 'Sì')).toBe('1');
    expect(await reportCount(page, 'Di quale servizio avete più bisogno?', 'Nido')).toBe('1');
    await page.getByText('Tasso di risposta complessivo: 100%').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });

  it('lets the coordinator exclude a response from the report with a reason, and include it again', async () => {
    const { page } = journey;
    const responses = page.getByRole('table', { name: 'Risposte al questionario' });
    await responses.getByRole('row', { name: new RegExp(FIRM.replace(/[.()]/g, '\\$&')) }).getByRole('button', { name: 'Escludi dal rapporto' }).click();
    await responses.getByLabel(/Motivo dell'esclusione/).fill('Risposta di prova');
    await responses.getByRole('button', { name: "Conferma l'esclusione" }).click();
    await responses.getByText('Esclusa: Risposta di prova').waitFor();
    await expect.poll(() => reportCount(page, YES_NO_QUESTION, 'Sì')).toBe('0');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await responses.getByRole('button', { name: 'Includi di nuovo' }).click();
    await expect.poll(() => reportCount(page, YES_NO_QUESTION, 'Sì')).toBe('1');
    expect(journey.pageErrors).toEqual([]);
  });

  it('shows the coordinator the needs register with its map, counts and list', async () => {
    const { server, page } = journey;
    await page.goto(`${server.url}/bisogni`);
    await page.getByRole('heading', { level: 1, name: 'Registro dei bisogni' }).waitFor().catch(async (error) => {
      throw new Error(`${String(error)}\n${journey.pageErrors.join('\n')}\n${(await page.locator('body').innerText()).slice(0, 2000)}`);
    });
    await page.getByRole('table', { name: 'Bisogni per comune' }).getByRole('row', { name: /^Pinerolo / }).waitFor();
    await page.getByLabel('Stato', { exact: true }).selectOption('open');
    await page.getByRole('button', { name: 'Applica' }).click();
    await expect.poll(() => page.url()).toContain('status=open');
    await page.getByText(/^Totale: \d+ bisogni/).waitFor();
    await page.locator('.maplibregl-canvas, .map-frame--failed').first().waitFor();
    // The map: the district's municipalities, named where the names fit, a legend of the classes, and a click on a
    // municipality shows its counts beside the map.
    const map = page.getByTestId('needs-map');
    await expect.poll(() => map.getAttribute('data-area-count').then(Number), { timeout: 30_000 }).toBeGreaterThan(10);
    await expect.poll(() => map.locator('.map-label').count()).toBeGreaterThan(0);
    await page.getByRole('figure', { name: 'Bisogni' }).getByRole('listitem').first().waitFor();
    const panel = page.getByTestId('needs-map-panel');
    await panel.getByText(/Scegli un comune sulla mappa/).waitFor();
    const canvas = map.locator('.maplibregl-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await expect
      .poll(async () => {
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        return panel.getByRole('heading', { level: 4 }).count();
      })
      .toBe(1);
    expect(await panel.innerText()).toMatch(/\d+ bisogni, \d+ persone interessate|Nessun bisogno registrato in questo comune/);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });
});
