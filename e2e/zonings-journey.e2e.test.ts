import AxeBuilder from '@axe-core/playwright';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const EXAMPLES = fileURLToPath(new URL('../data/examples/zonings/', import.meta.url));

/**
 * The zonings journey: the administrator uploads two zonings of Piemonte through the upload page (a malformed file
 * is refused first), opens their comparison and sees the municipalities of west Torino breaking coincidence on the
 * map and in the table.
 */
describe('zonings journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const zoningIds: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in as the first administrator', async () => {
    const [, email, password] = server.output().match(/Administrator: sign in at .* as (\S+) with password (\S+)/) ?? [];
    expect(email).toBeTruthy();
    await page.goto(`${server.url}/accedi`);
    await page.getByLabel('Indirizzo e-mail').fill(email!);
    await page.getByLabel('Password').fill(password!);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => page.url()).not.toContain('/accedi');
  });

  it('refuses a file separated by semicolons, saying why, and imports nothing', async () => {
    await page.goto(`${server.url}/zonizzazioni/carica`);
    await page.getByLabel('File della zonizzazione').setInputFiles({
      name: 'sbagliato.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('zone_code;zone_name;istat_code\nA;Zona A;001191\n'),
    });
    await page.getByLabel(/Nome della zonizzazione/).fill('File sbagliato');
    await page.getByRole('button', { name: 'Importa', exact: true }).click();
    await page.getByText('Il file è stato rifiutato: 1 errori. Nulla è stato scritto.').waitFor();
    await page.getByText(/separates columns with ";"/).waitFor();
    expect(page.url()).toContain('/zonizzazioni/carica');
  });

  for (const [file, name, zones] of [
    ['piemonte-province.csv', 'Province (prova e2e)', 8],
    ['piemonte-aree-derivate.csv', 'Aree derivate (prova e2e)', 7],
  ] as const) {
    it(`checks and uploads ${file}`, async () => {
      await page.goto(`${server.url}/zonizzazioni/carica`);
      await page.getByLabel('File della zonizzazione').setInputFiles(`${EXAMPLES}${file}`);
      await page.getByLabel(/Nome della zonizzazione/).fill(name);
      await page.getByLabel('Ambito di politica').selectOption('health');
      await page.getByLabel('Regione', { exact: true }).selectOption('01');
      await page.getByRole('button', { name: 'Verifica senza importare' }).click();
      await page.getByText(`Il file è valido: 1181 comuni in ${zones} zone.`).waitFor();
      await page.getByRole('button', { name: 'Importa', exact: true }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      zoningIds.push(page.url().split('/').at(-1)!);
      await page.getByRole('heading', { name: `Zone (${zones})` }).waitFor();
      await page.locator('.maplibregl-canvas').waitFor({ state: 'visible' });
    });
  }

  it('opens the comparison and sees the breaking municipalities on the map and in the table', async () => {
    await page.goto(`${server.url}/zonizzazioni/confronto`);
    await page.getByLabel('Zonizzazione A').selectOption({ label: 'Province (prova e2e)' });
    await page.getByLabel('Zonizzazione B').selectOption({ label: 'Aree derivate (prova e2e)' });
    await expect.poll(() => page.url()).toContain(`a=${zoningIds[0]}`);
    await page.getByTestId('breaking-count').getByText('133 comuni').waitFor();
    // The map: its canvas names how many municipalities break coincidence, and the legend gives them their colour.
    const map = page.locator('.maplibregl-canvas');
    await map.waitFor({ state: 'visible' });
    expect(await map.getAttribute('aria-label')).toContain('133 rompono la coincidenza');
    await page.getByText('Rompe la coincidenza (133 comuni)').waitFor();
    // The table alternative lists them: Pinerolo is in the province of Torino but in "Torino ovest".
    const breaking = page.getByRole('table', { name: 'Comuni fuori dalla zona di B principale della loro zona di A' });
    const pinerolo = breaking.locator('tr', { has: page.getByRole('link', { name: 'Pinerolo', exact: true }) });
    await pinerolo.waitFor();
    await expect.poll(async () => (await pinerolo.textContent()) ?? '').toContain('Torino ovest');
    expect(await breaking.getByRole('row').count()).toBe(134);
    // The crosswalk shows Torino split between its two B zones.
    await page.getByRole('table', { name: /Per ogni zona di A/ }).getByText('TO-E — Torino est (principale)').waitFor();
  });

  it('offers the comparison as CSV and GeoJSON downloads', async () => {
    const href = await page.getByRole('link', { name: 'Comuni che rompono la coincidenza (CSV)' }).getAttribute('href');
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    expect((await response.text()).trim().split('\r\n')).toHaveLength(134);
  });

  it('sets the organization running a zone', async () => {
    await page.goto(`${server.url}/zonizzazioni/${zoningIds[1]}`);
    await page.getByLabel('Zona', { exact: true }).selectOption({ label: 'TO-O — Torino ovest' });
    await page.getByLabel("Cerca l'organizzazione").fill('sociali pinerolese');
    const organization = page.getByLabel('Organizzazione', { exact: true });
    await expect.poll(async () => (await organization.locator('option').allTextContents()).join('|')).toContain('Servizi sociali Pinerolese (demo)');
    await organization.selectOption({ label: 'Servizi sociali Pinerolese (demo)' });
    await page.getByRole('button', { name: "Salva l'ente gestore" }).click();
    await page.getByText('Ente gestore salvato.').waitFor();
    await page.getByRole('table', { name: /Zone di Aree derivate/ }).getByRole('row', { name: /Torino ovest/ }).getByText('Servizi sociali Pinerolese (demo)').waitFor();
  });

  it("shows the demo district's governance and lets the administrator add a working group", async () => {
    await page.goto(`${server.url}/distretti`);
    await page.getByRole('link', { name: /Pinerolese/ }).first().click();
    await page.getByRole('heading', { name: /Cabina di regia \(demo\)/ }).waitFor();
    await page.getByRole('table', { name: 'Componenti di Cabina di regia (demo)' }).getByText('presidenza').waitFor();
    await page.getByLabel('Tipo', { exact: true }).selectOption('working_group');
    await page.locator('#new-body-name').fill('Tavolo welfare aziendale');
    await page.getByRole('button', { name: "Crea l'organo" }).click();
    await page.getByRole('heading', { name: /Tavolo welfare aziendale/ }).waitFor();
  });

  it('has no serious or critical accessibility violations on the comparison page', async () => {
    await page.goto(`${server.url}/zonizzazioni/confronto?a=${zoningIds[0]}&b=${zoningIds[1]}`);
    await page.locator('.maplibregl-canvas').waitFor({ state: 'visible' });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
