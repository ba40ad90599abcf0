import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { seriousAccessibilityProblems } from './support/accessibility';

const EXAMPLES = fileURLToPath(new URL('../data/examples/zonings/', import.meta.url));

/**
 * The zonings journey: the administrator uploads two zonings of Piemonte through the upload page (a malformed file
 * is refused first), opens their comparison and sees the municipalities of west Torino breaking coincidence on the
 * map and in the table.
 */
describe('zonings journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;
  const zoningIds: string[] = [];

  it('signs in as the first administrator', async () => {
    const [, email, password] = journey.server.output().match(/Administrator: sign in at .* as (\S+) with password (\S+)/) ?? [];
    expect(email).toBeTruthy();
    await journey.page.goto(`${journey.server.url}/accedi`);
    await journey.page.getByLabel('Indirizzo e-mail').fill(email!);
    await journey.page.getByLabel('Password').fill(password!);
    await journey.page.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => journey.page.url()).not.toContain('/accedi');
  });

  it('refuses a file separated by semicolons, saying why, and imports nothing', async () => {
    await journey.page.goto(`${journey.server.url}/zonizzazioni/carica`);
    await journey.page.getByLabel('File della zonizzazione').setInputFiles({
      name: 'sbagliato.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('zone_code;zone_name;istat_code\nA;Zona A;001191\n'),
    });
    await journey.page.getByLabel(/Nome della zonizzazione/).fill('File sbagliato');
    await journey.page.getByRole('button', { name: 'Importa', exact: true }).click();
    await journey.page.getByText('Il file è stato rifiutato: 1 errori. Nulla è stato scritto.').waitFor();
    await journey.page.getByText(/separates columns with ";"/).waitFor();
    expect(journey.page.url()).toContain('/zonizzazioni/carica');
  });

  for (const [file, name, zones] of [
    ['piemonte-province.csv', 'Province (prova e2e)', 8],
    ['piemonte-aree-derivate.csv', 'Aree derivate (prova e2e)', 7],
  ] as const) {
    it(`checks and uploads ${file}`, async () => {
      await journey.page.goto(`${journey.server.url}/zonizzazioni/carica`);
      await journey.page.getByLabel('File della zonizzazione').setInputFiles(`${EXAMPLES}${file}`);
      await journey.page.getByLabel(/Nome della zonizzazione/).fill(name);
      await journey.page.getByLabel('Ambito di politica').selectOption('health');
      await journey.page.getByLabel('Regione', { exact: true }).selectOption('01');
      await journey.page.getByRole('button', { name: 'Verifica senza importare' }).click();
      await journey.page.getByText(`Il file è valido: 1180 comuni in ${zones} zone.`).waitFor();
      await journey.page.getByRole('button', { name: 'Importa', exact: true }).click();
      await journey.page.getByRole('heading', { level: 1, name }).waitFor();
      zoningIds.push(journey.page.url().split('/').at(-1)!);
      await journey.page.getByRole('heading', { name: `Zone (${zones})` }).waitFor();
      await journey.page.locator('.maplibregl-canvas').waitFor({ state: 'visible' });
    });
  }

  it('opens the comparison and sees the breaking municipalities on the map and in the table', async () => {
    await journey.page.goto(`${journey.server.url}/zonizzazioni/confronto`);
    await journey.page.getByLabel('Zonizzazione A').selectOption({ label: 'Province (prova e2e)' });
    await journey.page.getByLabel('Zonizzazione B').selectOption({ label: 'Aree derivate (prova e2e)' });
    await expect.poll(() => journey.page.url()).toContain(`a=${zoningIds[0]}`);
    await journey.page.getByTestId('breaking-count').getByText('133 comuni').waitFor();
    // The map: its canvas names how many municipalities break coincidence, and the legend gives them their colour.
    const map = journey.page.locator('.maplibregl-canvas');
    await map.waitFor({ state: 'visible' });
    expect(await map.getAttribute('aria-label')).toContain('133 rompono la coincidenza');
    await journey.page.getByText('Rompe la coincidenza (133 comuni)').waitFor();
    // The table alternative lists them: Pinerolo is in the province of Torino but in "Torino ovest".
    const breaking = journey.page.getByRole('table', { name: 'Comuni fuori dalla zona di B principale della loro zona di A' });
    const pinerolo = breaking.locator('tr', { has: journey.page.getByRole('link', { name: 'Pinerolo', exact: true }) });
    await pinerolo.waitFor();
    await expect.poll(async () => (await pinerolo.textContent()) ?? '').toContain('Torino ovest');
    expect(await breaking.getByRole('row').count()).toBe(134);
    // The crosswalk shows Torino split between its two B zones.
    await journey.page.getByRole('table', { name: /Per ogni zona di A/ }).getByText('Torino est (principale)').waitFor();
  });

  it('offers the comparison as CSV and GeoJSON downloads', async () => {
    const href = await journey.page.getByRole('link', { name: 'Comuni che rompono la coincidenza (CSV)' }).getAttribute('href');
    const response = await journey.page.request.get(`${journey.server.url}${href}`);
    expect(response.status()).toBe(200);
    expect((await response.text()).trim().split('\r\n')).toHaveLength(134);
  });

  it('sets the organization running a zone', async () => {
    await journey.page.goto(`${journey.server.url}/zonizzazioni/${zoningIds[1]}`);
    await journey.page.getByLabel('Zona', { exact: true }).selectOption({ label: 'TO-O — Torino ovest' });
    await journey.page.getByLabel("Cerca l'organizzazione").fill('sociali pinerolese');
    const organization = journey.page.getByLabel('Organizzazione', { exact: true });
    await expect.poll(async () => (await organization.locator('option').allTextContents()).join('|')).toContain('Servizi sociali Pinerolese (demo)');
    await organization.selectOption({ label: 'Servizi sociali Pinerolese (demo)' });
    await journey.page.getByRole('button', { name: "Salva l'ente gestore" }).click();
    await journey.page.getByText('Ente gestore salvato.').waitFor();
    await journey.page.getByRole('table', { name: /Zone di Aree derivate/ }).getByRole('row', { name: /Torino ovest/ }).getByText('Servizi sociali Pinerolese (demo)').waitFor();
  });

  it("shows the demo district's governance and lets the administrator add a working group", async () => {
    await journey.page.goto(`${journey.server.url}/distretti`);
    await journey.page.getByRole('link', { name: /Pinerolese/ }).first().click();
    await journey.page.getByRole('heading', { name: /Cabina di regia \(demo\)/ }).waitFor();
    await journey.page.getByRole('table', { name: 'Componenti di Cabina di regia (demo)' }).getByText('presidenza').waitFor();
    await journey.page.getByLabel('Tipo', { exact: true }).selectOption('working_group');
    await journey.page.locator('#new-body-name').fill('Tavolo welfare aziendale');
    await journey.page.getByRole('button', { name: "Crea l'organo" }).click();
    await journey.page.getByRole('heading', { name: /Tavolo welfare aziendale/ }).waitFor();
  });

  it('has no serious or critical accessibility violations on the comparison page', async () => {
    await journey.page.goto(`${journey.server.url}/zonizzazioni/confronto?a=${zoningIds[0]}&b=${zoningIds[1]}`);
    await journey.page.locator('.maplibregl-canvas').waitFor({ state: 'visible' });
    expect(await seriousAccessibilityProblems(journey.page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
