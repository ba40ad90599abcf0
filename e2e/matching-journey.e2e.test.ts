import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { gapSummary, openMatchingPage, openReferralsPage } from './support/matching';
import { seriousAccessibilityProblems } from './support/accessibility';

/**
 * The demo district's coordinator finds a gap on the matching page (babysitting in Villar Perosa: the demo firm's
 * employees need it and no demo service offers it), reads why, proposes a shared service and signs out; the demo
 * firm's member signs in and joins; the coordinator sees the firm joined and records the agreement, then refers a need
 * of its own organization to a service from the "why" panel.
 */
describe('matching journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;
  let proposalUrl = '';

  const signIn = async (email: string, password: string) => {
    await journey.page.goto(`${journey.server.url}/accedi`);
    await journey.page.getByLabel('Indirizzo e-mail').fill(email);
    await journey.page.getByLabel('Password').fill(password);
    await journey.page.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => journey.page.url()).not.toContain('/accedi');
  };
  const signOut = async () => {
    await journey.page.getByRole('button', { name: 'Esci', exact: true }).click();
    await journey.page.getByRole('link', { name: 'Accedi' }).first().waitFor();
  };

  it('shows the coordinator at least one uncovered municipality on the gap map and in its table', async () => {
    await signIn('coordinatore@pinerolese.demo', 'demo-pinerolese-2026');
    await openMatchingPage(journey.page);
    const summary = await gapSummary(journey.page).innerText();
    expect(Number(/di cui senza alcun servizio: (\d+)/.exec(summary)?.[1])).toBeGreaterThanOrEqual(1);
    const municipalities = journey.page.getByRole('table', { name: 'Comuni con bisogni aperti, dal meno coperto' });
    const villar = municipalities.getByRole('row').filter({ has: journey.page.getByRole('rowheader', { name: 'Villar Perosa' }) });
    await expect.poll(() => villar.innerText()).toContain('Scoperto: nessun servizio');
    await journey.page.getByLabel('Mappa dei comuni del distretto colorati per copertura dei bisogni').waitFor();
  });

  it("names the district's municipalities on the gap map and shows the clicked one's coverage beside it", async () => {
    const map = journey.page.getByTestId('gap-map');
    await expect.poll(() => map.getAttribute('data-area-count').then(Number), { timeout: 30_000 }).toBeGreaterThan(10);
    await expect.poll(() => map.locator('.map-label').count()).toBeGreaterThan(0);
    // The legend is the platform's one map legend: a figure named by its title, one item per colour.
    const legend = journey.page.getByRole('figure', { name: 'Legenda della mappa dei vuoti' });
    await legend.getByText('Nessun bisogno aperto').waitFor();
    expect(await legend.getByRole('listitem').count()).toBe(4);
    const panel = journey.page.getByTestId('gap-map-panel');
    await panel.getByText(/Scegli un comune sulla mappa/).waitFor();
    const canvas = map.locator('.maplibregl-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await expect
      .poll(async () => {
        await journey.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        return panel.getByText(/Scegli un comune sulla mappa/).count();
      })
      .toBe(0);
    // Either its coverage (state, people, minimum coverage) or that it has no open need.
    expect(await panel.innerText()).toMatch(/Persone|nessun bisogno aperto/);
  });

  it('has no serious or critical accessibility violations on the gap page', async () => {
    expect(await seriousAccessibilityProblems(journey.page)).toEqual([]);
  });

  it('explains the gap and creates a shared-service proposal from it', async () => {
    const group = 'Villar Perosa, Baby sitting e assistenza ai bambini';
    await journey.page.getByRole('button', { name: `Perché? ${group}` }).click();
    const needs = journey.page.getByRole('table', { name: 'Bisogni contati (1)' });
    await expect.poll(() => needs.innerText()).toContain('Meccanica Chisone S.r.l. (demo)');
    await journey.page.getByRole('table', { name: 'Servizi considerati (0)' }).waitFor();
    await journey.page.getByRole('button', { name: `Proponi servizio condiviso: ${group}` }).click();
    await journey.page.getByLabel('Adesioni necessarie').fill('1');
    await journey.page.getByRole('button', { name: 'Crea la proposta e avvisa le organizzazioni' }).click();
    await journey.page.getByRole('heading', { level: 1, name: /Baby sitting e assistenza ai bambini condiviso a Villar Perosa/ }).waitFor();
    proposalUrl = journey.page.url();
    expect(proposalUrl).toMatch(/\/abbinamento\/proposte\/[0-9a-f-]{36}$/);
    await journey.page.getByText('Organizzazioni richiedenti che hanno aderito: 0 su 1 necessarie.').waitFor();
    await signOut();
  });

  it('lets the demo firm member join the proposal', async () => {
    await signIn('impresa@pinerolese.demo', 'demo-impresa-2026');
    await journey.page.goto(proposalUrl);
    await journey.page.getByRole('heading', { name: 'Rispondi per Meccanica Chisone S.r.l. (demo) come richiedente' }).waitFor();
    await journey.page.getByLabel('Commento').fill('Otto dipendenti su turni serali: aderiamo.');
    await journey.page.getByRole('button', { name: 'Aderisco' }).click();
    await journey.page.getByText('Organizzazioni richiedenti che hanno aderito: 1 su 1 necessarie.').waitFor();
    await signOut();
  });

  it('shows the coordinator the firm as joined, and records the agreement', async () => {
    await signIn('coordinatore@pinerolese.demo', 'demo-pinerolese-2026');
    await journey.page.goto(proposalUrl);
    const parties = journey.page.getByRole('table', { name: /Organizzazioni coinvolte/ });
    const firm = parties.getByRole('row').filter({ has: journey.page.getByRole('rowheader', { name: 'Meccanica Chisone S.r.l. (demo)' }) });
    await expect.poll(() => firm.innerText()).toContain('Aderisce');
    expect(await firm.innerText()).toContain('Otto dipendenti su turni serali');
    await journey.page.getByRole('button', { name: "Registra l'accordo" }).click();
    await journey.page.getByText('Accordo registrato con 1 organizzazione.').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("lets the coordinator's organization refer a need to a service from the why panel, with the health warning", async () => {
    await openMatchingPage(journey.page);
    await journey.page.getByRole('button', { name: 'Perché? Perosa Argentina, Assistenza domiciliare' }).click();
    const services = journey.page.getByRole('table', { name: /Servizi considerati/ });
    await services.getByRole('button', { name: 'Segnala Assistenza domiciliare anziani' }).click();
    const form = journey.page.getByRole('form', { name: 'Segnalazione ad Assistenza domiciliare anziani' });
    await form.getByText('niente dati sulla salute').waitFor();
    await form.getByLabel('Dettagli (facoltativi)').fill('Preferisce le visite al mattino.');
    await form.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Segnalazione ad Assistenza domiciliare anziani' }).waitFor();
    await journey.page.getByText('Preferisce le visite al mattino.').waitFor();
    expect(await journey.page.getByRole('table', { name: 'Storia della segnalazione' }).innerText()).toContain('Inviata');
    expect(pageErrors).toEqual([]);
  });

  it('groups the same needs by the whole district, one row per category and target group', async () => {
    await openMatchingPage(journey.page);
    await journey.page.getByLabel("Zone dell'analisi").selectOption({ label: "L'intero distretto" });
    await journey.page.getByRole('button', { name: 'Aggiorna' }).click();
    const groups = journey.page.getByRole('table', { name: /Bisogni aperti per zona/ });
    await groups.getByRole('columnheader', { name: 'Zona' }).waitFor();
    const babysitting = groups.getByRole('row').filter({ hasText: 'Baby sitting' });
    expect(await babysitting.count()).toBeGreaterThanOrEqual(1);
    expect(await babysitting.first().getByRole('rowheader').innerText()).toBe('Distretto di coesione sociale del Pinerolese (demo)');
    await journey.page.getByText("La mappa e l'elenco dei comuni si vedono con le zone «Ogni comune»").waitFor();
    // The "why" of a district-wide group lists the needs of every municipality of the district.
    await babysitting.first().getByRole('button', { name: /^Perché\?/ }).click();
    await journey.page.getByRole('table', { name: /Bisogni contati/ }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('lets the demo firm refer one of its needs to a service from the needs register', async () => {
    await signOut();
    await signIn('impresa@pinerolese.demo', 'demo-impresa-2026');
    await journey.page.goto(`${journey.server.url}/bisogni`);
    await journey.page.getByRole('link', { name: /^Segnala a un servizio: Assistenza familiare \(badanti\), / }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Segnala un bisogno a un servizio' }).waitFor();
    // The option also names the provider and the distance: pick it by the service's name.
    const services = journey.page.getByLabel('Servizio', { exact: true });
    const option = services.locator('option', { hasText: 'Sportello badanti e assistenza familiare' });
    await option.waitFor({ state: 'attached' });
    await services.selectOption((await option.getAttribute('value'))!);
    const form = journey.page.getByRole('form', { name: /^Segnalazione ad? / });
    // The need's 4 people are the group referred.
    expect(await form.getByLabel('Quante persone').inputValue()).toBe('4');
    expect(await seriousAccessibilityProblems(journey.page)).toEqual([]);
    await form.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await journey.page.getByRole('heading', { level: 1, name: /^Segnalazione ad? / }).waitFor();
    expect(await journey.page.getByRole('table', { name: 'Storia della segnalazione' }).innerText()).toContain('Inviata');
    expect(pageErrors).toEqual([]);
  });

  it('leads the firm member from the referrals page to a new referral by clicking, through the needs register', async () => {
    await openReferralsPage(journey.page);
    await journey.page.getByRole('link', { name: 'Nuova segnalazione' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Segnala un bisogno a un servizio' }).waitFor();
    await journey.page.getByRole('link', { name: 'Apri il registro dei bisogni' }).click();
    await journey.page.getByRole('link', { name: /^Segnala a un servizio: / }).first().waitFor();
    expect(pageErrors).toEqual([]);
  });
});
