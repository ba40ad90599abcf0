import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { seriousAccessibilityProblems } from './support/accessibility';

/**
 * The foundation journey: the seeded coordinator signs in, opens the Piemonte map, finds Pinerolo by typing
 * "pinerolo" and opens its page — on the real server started as `npm start` does.
 */
describe('territory journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;

  it('prints how to sign in as the first administrator and the demo coordinator', () => {
    expect(journey.server.output()).toMatch(/Administrator: sign in at .* as admin@distretto\.local with password \S{12,}/);
    expect(journey.server.output()).toContain('coordinatore@pinerolese.demo');
  });

  it('signs in as the demo district coordinator', async () => {
    await journey.page.goto(`${journey.server.url}/accedi`);
    await journey.page.getByLabel('Indirizzo e-mail').fill('coordinatore@pinerolese.demo');
    await journey.page.getByLabel('Password').fill('demo-pinerolese-2026');
    await journey.page.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => journey.page.url()).not.toContain('/accedi');
    await journey.page.getByText('Coordinatrice del distretto (demo)').first().waitFor();
  });

  it('opens the map of Piemonte with its municipalities drawn', async () => {
    await journey.page.goto(`${journey.server.url}/territorio`);
    await journey.page.getByRole('heading', { name: /Piemonte/ }).first().waitFor();
    const map = journey.page.locator('.maplibregl-canvas');
    await map.waitFor({ state: 'visible' });
    const box = await map.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(200);
  });

  it('finds Pinerolo by typing "pinerolo" and opens its page', async () => {
    await journey.page.getByLabel('Cerca un comune').fill('pinerolo');
    const result = journey.page.getByRole('link', { name: 'Pinerolo', exact: true });
    await result.waitFor();
    await result.click();
    await expect.poll(() => journey.page.url()).toContain('/territorio/comuni/001191');
    await journey.page.getByRole('heading', { level: 1, name: 'Pinerolo' }).waitFor();
    await journey.page.getByText('G674').first().waitFor(); // its cadastral code
  });

  it("draws Pinerolo among its province's named municipalities, with a legend", async () => {
    const map = journey.page.getByTestId('municipality-map');
    await expect.poll(() => map.getAttribute('data-area-count').then(Number), { timeout: 30_000 }).toBeGreaterThan(100);
    // Framed on Pinerolo: its name and its neighbours' are on the map.
    await expect.poll(() => map.locator('.map-label').allInnerTexts(), { timeout: 30_000 }).toContain('Pinerolo');
    expect((await map.locator('.map-label').allInnerTexts()).length).toBeGreaterThan(3);
    const legend = journey.page.getByRole('figure', { name: 'Legenda della mappa' });
    await legend.getByText('Confine di Pinerolo').waitFor();
    await legend.getByText(/Altri comuni della provincia di Torino/).waitFor();
  });

  it('has no serious or critical accessibility violations on the territory explorer', async () => {
    await journey.page.goto(`${journey.server.url}/territorio`);
    await journey.page.locator('.maplibregl-canvas').waitFor({ state: 'visible' });
    expect(await seriousAccessibilityProblems(journey.page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
