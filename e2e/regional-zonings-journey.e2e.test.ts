import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { clickMenuEntry } from './support/menu';
import { seriousAccessibilityProblems } from './support/accessibility';

/**
 * The regional officer's journey (issue 13): the administrator signs in, opens the zonings from the menu and finds,
 * first, the comparison of Piemonte's employment areas with the ASL (both real zonings, loaded on the first start);
 * opens it on the map by clicking and reads the municipalities breaking coincidence around Pinerolo: the area
 * "Bacino 24 – Pinerolo" lies in ASL TO3 but for None, in TO5.
 */
describe('regional zonings journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;

  it('signs in as the first administrator', async () => {
    const [, email, password] = journey.server.output().match(/Administrator: sign in at .* as (\S+) with password (\S+)/) ?? [];
    expect(email).toBeTruthy();
    await journey.page.goto(`${journey.server.url}/accedi`);
    await journey.page.getByLabel('Indirizzo e-mail').fill(email!);
    await journey.page.getByLabel('Password').fill(password!);
    await journey.page.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => journey.page.url()).not.toContain('/accedi');
  });

  it('opens the zonings from the menu and sees the regional comparison first', async () => {
    await clickMenuEntry(journey.page, 'Zonizzazioni');
    const regional = journey.page.getByRole('region', { name: "Bacini per l'impiego e ASL del Piemonte" });
    await regional.waitFor();
    await regional.getByTestId('regional-summary').getByText(/bacini su 30 stanno tutti in una sola ASL/).waitFor();
    const pinerolo = regional.getByRole('row', { name: /Bacino 24 – Pinerolo/ });
    await expect.poll(async () => (await pinerolo.textContent()) ?? '').toContain('None (TO5)');
    expect(await pinerolo.textContent()).toContain('TO3');
    // The real zonings are listed with their source and licence; the examples stay marked as examples.
    const list = journey.page.getByRole('table', { name: /zonizzazioni/i });
    await list.getByRole('row', { name: /ASL d'Italia \(2019\)/ }).getByText(/Ministero della Salute/).waitFor();
    await list.getByRole('row', { name: /Bacini per l'impiego del Piemonte/ }).getByText('Licenza: EUPL-1.2').waitFor();
  });

  it('opens the comparison on the map by clicking and reads the municipalities breaking coincidence around Pinerolo', async () => {
    await journey.page.getByRole('link', { name: 'Apri il confronto sulla mappa' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Confronto fra zonizzazioni' }).waitFor();
    const map = journey.page.locator('.maplibregl-canvas');
    await map.waitFor({ state: 'visible' });
    expect(await map.getAttribute('aria-label')).toContain("Bacini per l'impiego del Piemonte");
    await journey.page.getByText(/^Rompe la coincidenza \(\d+ comuni\)$/).waitFor();
    const breaking = journey.page.getByRole('table', { name: 'Comuni fuori dalla zona di B principale della loro zona di A' });
    const none = breaking.locator('tr', { has: journey.page.getByRole('link', { name: 'None', exact: true }) });
    await none.waitFor();
    const text = (await none.textContent()) ?? '';
    expect(text).toContain('Bacino 24 – Pinerolo');
    expect(text).toContain('TO5');
    expect(text).toContain('TO3');
    // No raw codes: the crosswalk names zones, and the derived names are said to be derived.
    await journey.page.getByRole('table', { name: /Per ogni zona di A/ }).getByText('TO3 (principale)').first().waitFor();
    await journey.page.getByText(/nomi delle zone derivati dal comune più popoloso/).waitFor();
  });

  it('has no serious or critical accessibility violations on the zonings page and the comparison', async () => {
    expect(await seriousAccessibilityProblems(journey.page)).toEqual([]);
    await clickMenuEntry(journey.page, 'Zonizzazioni');
    await journey.page.getByRole('region', { name: "Bacini per l'impiego e ASL del Piemonte" }).getByTestId('regional-summary').waitFor();
    expect(await seriousAccessibilityProblems(journey.page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
