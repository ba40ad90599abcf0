import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { seriousAccessibilityProblems } from './support/accessibility';

/**
 * A resident without an account looks for home care for an elderly parent near Pinerolo: types
 * "assistenza anziani", picks Pinerolo within 20 km, reads the results and opens one.
 */
describe('services journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;

  it('searches "assistenza anziani" near Pinerolo as an anonymous visitor', async () => {
    await journey.page.goto(`${journey.server.url}/`);
    await journey.page.getByRole('link', { name: 'Servizi', exact: true }).first().click();
    await journey.page.getByRole('heading', { level: 1, name: 'Trova un servizio' }).waitFor();
    await journey.page.getByLabel('Cosa cerchi?').fill('assistenza anziani');
    await journey.page.getByLabel('Vicino a un comune').fill('Pinerolo');
    await journey.page.locator('datalist option[value="Pinerolo (TO)"]').waitFor({ state: 'attached' });
    await journey.page.getByLabel('Vicino a un comune').fill('Pinerolo (TO)');
    await journey.page.getByLabel('Entro').selectOption('20');
    await journey.page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await journey.page.getByRole('heading', { name: 'Risultati entro 20 km da Pinerolo' }).waitFor();
    const results = journey.page.getByRole('list', { name: 'Servizi trovati' });
    await results.getByRole('link', { name: 'Assistenza domiciliare anziani' }).waitFor();
    const card = results.locator('article', { hasText: 'Assistenza domiciliare anziani' }).first();
    await expect.poll(() => card.innerText()).toContain('Cooperativa sociale Val Chisone (demo)');
    const text = await card.innerText();
    expect(text).toContain('Perosa Argentina');
    expect(text).toContain('Dal lunedì al venerdì dalle 8:00 alle 18:00');
    expect(text).toContain("In base all'ISEE");
    expect(text).toMatch(/6 liberi su 40 posti/);
    expect(text).toMatch(/dato confermato 12 giorni fa/);
    expect(journey.page.url()).toContain('vicino=001191');
  });

  it('opens a result and reads the service page', async () => {
    await journey.page.getByRole('list', { name: 'Servizi trovati' }).getByRole('link', { name: 'Assistenza domiciliare anziani' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Assistenza domiciliare anziani' }).waitFor();
    await journey.page.getByText('Come accedere').first().waitFor();
    await journey.page.getByRole('link', { name: /Pinerolese/ }).first().waitFor(); // the district it serves
    expect(await journey.page.getByRole('link', { name: 'Modifica la scheda' }).count()).toBe(0); // anonymous: no edit
  });

  it('shows the results on a map on request, over named municipal boundaries, with a legend', async () => {
    await journey.page.goBack();
    await journey.page.getByRole('button', { name: 'Mostra sulla mappa' }).click();
    await journey.page.locator('.maplibregl-canvas').waitFor({ state: 'visible' });
    const map = journey.page.getByTestId('services-map');
    // The boundaries of the province around the results (Torino's municipalities), not dots on a blank background.
    await expect.poll(() => map.getAttribute('data-area-count').then(Number), { timeout: 30_000 }).toBeGreaterThan(100);
    await expect.poll(() => map.getAttribute('data-point-count').then(Number)).toBeGreaterThan(0);
    // Municipalities are named where their names fit: Pinerolo, the searched one, among them.
    await expect.poll(() => map.locator('.map-label').allInnerTexts(), { timeout: 30_000 }).toContain('Pinerolo');
    const legend = journey.page.getByRole('figure', { name: 'Legenda della mappa' });
    await legend.getByText(/Sede di un servizio trovato/).waitFor();
    await legend.getByText('Pinerolo: il comune della ricerca').waitFor();
    expect(await map.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe('Mappa delle sedi dei servizi trovati');
  });

  it("opens a service's card beside the map when its dot is clicked, fetching nothing from outside the app", async () => {
    const foreign: string[] = [];
    const origin = new URL(journey.server.url).origin;
    journey.page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) foreign.push(url);
    });
    // One result, so the map is framed on its place and its dot is at the centre of the canvas.
    await journey.page.goto(`${journey.server.url}/servizi?q=Melograno&vicino=001191&comune=Pinerolo&km=20`);
    await journey.page.getByRole('list', { name: 'Servizi trovati' }).getByRole('link', { name: 'Centro diurno per anziani «Il Melograno»' }).waitFor();
    await journey.page.getByRole('button', { name: 'Mostra sulla mappa' }).click();
    const map = journey.page.getByTestId('services-map');
    await expect.poll(() => map.getAttribute('data-point-count')).toBe('1');
    await expect.poll(() => map.getAttribute('data-area-count').then(Number), { timeout: 30_000 }).toBeGreaterThan(100);
    const panel = journey.page.getByTestId('services-map-panel');
    await panel.getByText(/Scegli un punto sulla mappa/).waitFor();
    const canvas = map.locator('.maplibregl-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    // Clicked until the card comes: the first click may land while the map still settles on its frame.
    await expect
      .poll(async () => {
        await journey.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        return panel.getByRole('link', { name: 'Centro diurno per anziani «Il Melograno»', exact: true }).count();
      })
      .toBe(1);
    await expect.poll(() => panel.innerText()).toContain('Corso Torino 40');
    const text = await panel.innerText();
    expect(text).toContain('Pinerolo (TO)');
    await panel.getByRole('link', { name: '0121 000 003' }).waitFor();
    await panel.getByRole('link', { name: 'Apri la scheda di Centro diurno per anziani «Il Melograno»' }).waitFor();
    expect(await seriousAccessibilityProblems(journey.page)).toEqual([]);
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('on a phone, from the home page, finds a day centre for the elderly by typing "centro diurno anziani Pinerolo" and reaches its phone', async () => {
    await journey.page.setViewportSize({ width: 390, height: 844 });
    await journey.page.goto(`${journey.server.url}/`);
    await journey.page.getByLabel('Cosa cerchi, e dove?').fill('centro diurno anziani Pinerolo');
    await journey.page.getByRole('search', { name: 'Cerchi un servizio?' }).getByRole('button', { name: 'Cerca', exact: true }).click();
    await journey.page.getByText('Vicino a Pinerolo, entro 20 km').waitFor();
    const results = journey.page.getByRole('list', { name: 'Servizi trovati' });
    await results.getByRole('link', { name: 'Centro diurno per anziani «Il Melograno»' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Centro diurno per anziani «Il Melograno»' }).waitFor();
    const phone = journey.page.getByRole('link', { name: '0121 000 003' });
    await phone.waitFor();
    expect(await phone.getAttribute('href')).toBe('tel:0121000003');
    await journey.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('browses a category without typing, from the list of categories on the search page', async () => {
    await journey.page.goto(`${journey.server.url}/servizi`);
    const browse = journey.page.getByRole('navigation', { name: 'Sfoglia per categoria' });
    await browse.getByRole('link', { name: 'Cura delle persone anziane', exact: true }).click();
    await expect.poll(() => journey.page.url()).toContain('categoria=anziani');
    const results = journey.page.getByRole('list', { name: 'Servizi trovati' });
    // The previous (unfiltered) list stays on screen while the category's loads: wait for the other services to go.
    const shownNames = async () => ((await results.count()) === 0 ? [] : (await results.getByRole('heading').allInnerTexts()).map((name) => name.trim()));
    await expect
      .poll(async () => {
        const shown = await shownNames();
        return shown.includes('Centro diurno per anziani «Il Melograno»') && !shown.includes('Emporio solidale');
      })
      .toBe(true);
    expect(await journey.page.getByRole('navigation', { name: 'Sfoglia per categoria' }).count()).toBe(0);
  });

  it('narrows "nursery" to its category, says so, and lists every category on request', async () => {
    await journey.page.goto(`${journey.server.url}/servizi`);
    await journey.page.getByLabel('Cosa cerchi?').fill('nursery');
    await journey.page.getByRole('button', { name: 'Cerca', exact: true }).click();
    const applied = journey.page.getByTestId('search-category-applied');
    await expect.poll(() => applied.innerText()).toMatch(/^Solo i servizi della categoria \S/);
    await journey.page.getByRole('list', { name: 'Servizi trovati' }).getByRole('link', { name: 'Asilo nido aziendale aperto al territorio' }).waitFor();
    await applied.getByRole('link', { name: 'Mostra i servizi di tutte le categorie' }).click();
    await expect.poll(() => journey.page.url()).toContain('tutte=1');
    await journey.page.getByText(/^Categoria riconosciuta: \S/).waitFor();
    expect(await journey.page.getByTestId('search-category-applied').count()).toBe(0);
  });

  it('shows the results of the corrected words, searches the words as typed on request, then suggests the correction', async () => {
    await journey.page.goto(`${journey.server.url}/servizi`);
    await journey.page.getByLabel('Cosa cerchi?').fill('assitenza anzani');
    await journey.page.getByRole('button', { name: 'Cerca', exact: true }).click();
    const corrected = journey.page.getByTestId('search-corrected');
    await expect.poll(() => corrected.innerText()).toContain('Risultati per «assistenza anziani»');
    await journey.page.getByRole('list', { name: 'Servizi trovati' }).getByRole('link', { name: 'Assistenza domiciliare anziani' }).waitFor();
    await corrected.getByRole('link', { name: 'Cerca invece «assitenza anzani»' }).click();
    await expect.poll(() => journey.page.url()).toContain('esatto=1');
    const suggestion = journey.page.getByTestId('search-did-you-mean').getByRole('link', { name: 'Forse cercavi «assistenza anziani»?' });
    await suggestion.waitFor();
    expect(await journey.page.getByTestId('search-corrected').count()).toBe(0);
    await suggestion.click();
    await expect.poll(() => decodeURIComponent(journey.page.url().replace(/\+/g, ' '))).toContain('q=assistenza anziani');
    expect(journey.page.url()).not.toContain('esatto=1');
    await journey.page.getByRole('list', { name: 'Servizi trovati' }).getByRole('link', { name: 'Assistenza domiciliare anziani' }).waitFor();
  });

  it('has no serious or critical accessibility violations on the search page', async () => {
    await journey.page.goto(`${journey.server.url}/servizi?q=assistenza+anziani&vicino=001191&comune=Pinerolo&km=20`);
    await journey.page.getByRole('list', { name: 'Servizi trovati' }).waitFor().catch(async (error) => {
      // Say what the page showed instead (an error alert, an empty result…), not only that the list never came.
      throw new Error(`${String(error)}\n${(await journey.page.locator('main').innerText()).slice(0, 2000)}`);
    });
    expect(await seriousAccessibilityProblems(journey.page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
