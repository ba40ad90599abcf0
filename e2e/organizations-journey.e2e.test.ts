import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { seriousAccessibilityProblems } from './support/accessibility';

/**
 * The organizations journey: the demo coordinator imports the example CSV through the upload page (mapping, dry run
 * with its per-row report, import with progress), then finds one of the imported organizations on the map, and the
 * real organizations of the Pinerolese (5x1000 2022 list, loaded by the demo) with their public source.
 */
describe('organizations journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;

  it('signs in as the demo district coordinator', async () => {
    await journey.page.goto(`${journey.server.url}/accedi`);
    await journey.page.getByLabel('Indirizzo e-mail').fill('coordinatore@pinerolese.demo');
    await journey.page.getByLabel('Password').fill('demo-pinerolese-2026');
    await journey.page.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => journey.page.url()).not.toContain('/accedi');
  });

  it('imports the example CSV: mapping, dry run with rejected lines, then the import with progress', async () => {
    await journey.page.goto(`${journey.server.url}/organizzazioni`);
    await journey.page.getByRole('link', { name: 'Importa da file CSV' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Importa organizzazioni' }).waitFor();
    await journey.page.getByLabel('File CSV').setInputFiles('data/examples/organizzazioni-pinerolese.csv');
    await journey.page.getByText('15 righe, codifica utf-8').waitFor();
    await expect.poll(() => journey.page.getByLabel('ragione_sociale').inputValue()).toBe('legalName');
    await journey.page.getByRole('button', { name: "Prova l'importazione" }).click();
    const dryRun = journey.page.getByTestId('dry-run-result');
    await dryRun.waitFor();
    const rejected = journey.page.getByRole('table', { name: 'Righe scartate con il motivo' });
    // Line 3 (Comune di Torino): the registry already holds the municipality as a public body (the job run by the
    // server's worker after the territory load), which the coordinator may not edit.
    await expect.poll(() => rejected.getByRole('rowheader').allInnerTexts()).toEqual(['3', '13', '14', '15', '16']);
    await rejected.getByText('comune: unknown municipality "Atlantide"').waitFor();
    await journey.page.getByRole('button', { name: 'Importa ora' }).click();
    await journey.page.getByText('Importazione completata.').waitFor({ timeout: 30_000 });
    expect(await journey.page.getByRole('progressbar', { name: "Avanzamento dell'importazione" }).getAttribute('aria-valuenow')).toBe('100');
    await journey.page.getByTestId('import-result').waitFor();
  });

  it('finds an imported organization on the map, over named municipal boundaries, and opens its profile from the point', async () => {
    await journey.page.goto(`${journey.server.url}/organizzazioni?q=Panificio&vista=mappa`);
    await journey.page.getByText('1 organizzazione', { exact: true }).waitFor();
    const mapFrame = journey.page.getByTestId('organizations-map');
    await mapFrame.waitFor();
    await expect.poll(() => mapFrame.getAttribute('data-point-count')).toBe('1');
    // The province's municipalities are drawn and named under the point; a legend says what the colours mean.
    await expect.poll(() => mapFrame.getAttribute('data-area-count').then(Number), { timeout: 30_000 }).toBeGreaterThan(100);
    await expect.poll(() => mapFrame.getAttribute('data-label-count').then(Number)).toBeGreaterThan(0);
    const legend = journey.page.getByRole('figure', { name: /Legenda: ogni punto è un'organizzazione/ });
    await legend.getByText('Comuni della provincia', { exact: false }).waitFor();
    expect(await legend.getByRole('listitem').count()).toBe(2); // its sector, and the municipalities
    const canvas = journey.page.locator('.maplibregl-canvas');
    await canvas.waitFor({ state: 'visible' });
    // One organization: the map is framed on it, so its point is at the centre of the canvas.
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const panel = journey.page.getByTestId('organizations-map-panel');
    // Clicked until the card comes: the first click may land while the map still settles on its frame.
    await expect
      .poll(async () => {
        await journey.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        return panel.getByRole('heading', { name: 'Panificio Bianco (esempio)' }).count();
      })
      .toBe(1);
    expect(await seriousAccessibilityProblems(journey.page)).toEqual([]);
    await panel.getByRole('link', { name: 'Apri la scheda di Panificio Bianco (esempio)' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Panificio Bianco (esempio)' }).waitFor();
    await journey.page.getByText('08543210010').first().waitFor();
    await journey.page.getByText('Micro (meno di 10 addetti)').waitFor();
  });

  it('lists the probable duplicate of the import for the coordinator and merges it', async () => {
    await journey.page.goto(`${journey.server.url}/organizzazioni/doppioni`);
    const table = journey.page.getByRole('table', { name: 'Coppie da verificare' });
    await table.getByRole('rowheader', { name: 'Associazione Amici Val Pellice (esempio)' }).waitFor();
    await table.getByRole('button', { name: /Unisci «Associazione Amici Val Pellice \(esempio\)»/ }).click();
    await journey.page.getByText('Unite. Ogni riferimento è passato a «Associazione Amici della Val Pellice (esempio)».').waitFor();
    await journey.page.getByText('Nessun probabile doppione da verificare.').waitFor();
  });

  it('links district members to their organization page', async () => {
    await journey.page.goto(`${journey.server.url}/distretti`);
    await journey.page.getByRole('link', { name: /Pinerolese \(demo\)/ }).first().click();
    await journey.page.getByRole('link', { name: 'Fondazione Comunità Pinerolese (demo)' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Fondazione Comunità Pinerolese (demo)' }).waitFor();
  });

  it('finds, by clicking, the real organizations located in the Pinerolese in the registry, with their public source', async () => {
    await journey.page.goto(`${journey.server.url}/`);
    await journey.page.getByRole('navigation').getByRole('link', { name: 'Organizzazioni', exact: true }).first().click();
    await journey.page.getByRole('heading', { level: 1, name: 'Organizzazioni' }).waitFor();
    const municipality = journey.page.getByLabel('Comune', { exact: true });
    await municipality.fill('Pinerol');
    await journey.page.locator('#filter-municipality-options option[value="Pinerolo (TO)"]').waitFor({ state: 'attached' });
    await municipality.fill('Pinerolo (TO)');
    await expect.poll(() => journey.page.url()).toContain('001191');
    const source = 'Agenzia delle Entrate – elenchi 5x1000 2022 (onData)';
    const list = journey.page.getByRole('table').filter({ has: journey.page.getByRole('rowheader', { name: 'L.I.D.A. PINEROLO O.D.V.' }) });
    await list.waitFor();
    const row = list.getByRole('row').filter({ has: journey.page.getByRole('rowheader', { name: 'L.I.D.A. PINEROLO O.D.V.' }) });
    await row.getByText(source).waitFor();
    await row.getByText('Organizzazione di volontariato (ODV)').waitFor();
    await row.getByRole('link', { name: 'L.I.D.A. PINEROLO O.D.V.' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'L.I.D.A. PINEROLO O.D.V.' }).waitFor();
    expect(await journey.page.getByTestId('organization-source').innerText()).toBe(source);
    await journey.page.getByText('94544820015').first().waitFor();
    expect(await seriousAccessibilityProblems(journey.page)).toEqual([]);
  });

  it('has no serious or critical accessibility violations on the directory and the import page', async () => {
    for (const path of ['/organizzazioni', '/organizzazioni/importa']) {
      await journey.page.goto(`${journey.server.url}${path}`);
      await journey.page.getByRole('heading', { level: 1 }).waitFor();
      expect(await seriousAccessibilityProblems(journey.page, path)).toEqual([]);
    }
    expect(pageErrors).toEqual([]);
  });
});
