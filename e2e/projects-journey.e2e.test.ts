import { describe, expect, it } from 'vitest';
import { visibleCodeLeaks } from '../server/platform/testing/raw-codes';
import { setUpJourney } from './support/journey';
import { seriousAccessibilityProblems } from './support/accessibility';

/**
 * Co-designed projects (issue 16), all by clicking from signing in: the demo district's coordinator goes from the home
 * to a gap (babysitting in Villar Perosa, needed by the demo firm), proposes a shared service, starts a project from
 * the proposal (the firm comes over as a partner), adds a lead and a partner, a budget line for each and two funding
 * sources, moves the project through the pipeline to "running", records a milestone and the people reached, links a
 * need of the register and adds a progress report with a document, follows the demo's scale-up to its replica and
 * back, and scales the running demo project up to a municipality picked by name with the new project as its replica. The firm's member then signs in, finds the project from the home and may edit its own budget line and no other.
 */
describe('projects journey', () => {
  const journey = setUpJourney();
  const { pageErrors } = journey;
  let projectUrl = '';

  const page = () => journey.page;
  const signIn = async (email: string, password: string) => {
    await page().goto(`${journey.server.url}/accedi`);
    await page().getByLabel('Indirizzo e-mail').fill(email);
    await page().getByLabel('Password').fill(password);
    await page().getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => page().url()).not.toContain('/accedi');
  };
  const signOut = async () => {
    await page().getByRole('button', { name: 'Esci', exact: true }).click();
    await page().getByRole('link', { name: 'Accedi' }).first().waitFor();
  };
  const expectAccessible = async () => {
    expect(await seriousAccessibilityProblems(page())).toEqual([]);
  };
  const expectWords = async () => {
    expect(visibleCodeLeaks(await page().locator('main').innerText(), 'it')).toEqual([]);
  };
  const budgetLines = () => page().getByRole('table', { name: 'Voci di budget' });

  it('leads the coordinator from the home to a gap, a shared-service proposal and a project started from it', async () => {
    await signIn('coordinatore@pinerolese.demo', 'demo-pinerolese-2026');
    await page().getByRole('link', { name: "Vai all'abbinamento dei bisogni" }).first().click();
    await page().getByRole('heading', { level: 1, name: 'Abbinamento bisogni e servizi' }).waitFor();
    const group = 'Villar Perosa, Baby sitting e assistenza ai bambini';
    await page().getByRole('button', { name: `Perché? ${group}` }).click();
    await page().getByRole('button', { name: `Proponi servizio condiviso: ${group}` }).click();
    await page().getByLabel('Adesioni necessarie').fill('1');
    await page().getByRole('button', { name: 'Crea la proposta e avvisa le organizzazioni' }).click();
    await page().getByRole('heading', { level: 1, name: /Baby sitting e assistenza ai bambini condiviso a Villar Perosa/ }).waitFor();

    await page().getByRole('link', { name: 'Avvia un progetto da questa proposta' }).click();
    await page().getByRole('heading', { level: 1, name: 'Avvia un progetto da una proposta' }).waitFor();
    const form = page().getByRole('form', { name: /^Progetto dalla proposta/ });
    await form.getByText('Meccanica Chisone S.r.l. (demo)').waitFor();
    await form.getByLabel('Titolo').fill('Nido aziendale condiviso in Val Chisone');
    // Bootstrap Italia draws the box on the label: a person clicks the label.
    await form.getByText('Formazione', { exact: true }).click();
    expect(await form.getByLabel('Formazione').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Avvia il progetto' }).click();
    await page().getByRole('heading', { level: 1, name: 'Nido aziendale condiviso in Val Chisone' }).waitFor();
    projectUrl = page().url();
    expect(projectUrl).toMatch(/\/progetti\/[0-9a-f-]{36}$/);
    // The proposal's firm came over as a partner, and its group as a gap the project answers.
    const partners = page().getByRole('table', { name: /^Partenariato/ });
    await expect.poll(() => partners.innerText()).toContain('Meccanica Chisone S.r.l. (demo)');
    expect(await page().getByRole('table', { name: /Gruppi di bisogni/ }).innerText()).toContain('Villar Perosa');
    expect(pageErrors).toEqual([]);
  });

  it('adds a lead and a partner, and the partnership rule check follows', async () => {
    const partners = page().getByRole('table', { name: /^Partenariato/ });
    const add = async (organization: string, role: string) => {
      const form = page().getByRole('form', { name: "Aggiungi un'organizzazione al partenariato" });
      const select = form.getByLabel('Organizzazione');
      await select.locator('option', { hasText: organization }).waitFor({ state: 'attached' });
      await select.selectOption({ label: organization });
      await form.getByLabel('Ruolo').selectOption({ label: role });
      await form.getByLabel('Quota di lavoro (%)').fill(role === 'Capofila' ? '50' : '30');
      await form.getByRole('button', { name: 'Aggiungi al partenariato' }).click();
      await expect.poll(() => partners.innerText()).toContain(organization);
    };
    await add('Servizi sociali Pinerolese (demo)', 'Capofila');
    await add('Cooperativa sociale Val Chisone (demo)', 'Partner');
    // Lead social-services body, a third-sector partner and a firm: the default rule passes.
    await page().getByText('Il partenariato rispetta la regola.').waitFor();
    const lead = partners.getByRole('row').filter({ has: page().getByRole('rowheader', { name: 'Servizi sociali Pinerolese (demo)' }) });
    expect(await lead.innerText()).toContain('Capofila');
  });

  it('records a budget line for two partners and two funding sources, with totals in euros', async () => {
    const addLine = async (partner: string, category: string, amount: string, description: string) => {
      const form = page().getByRole('form', { name: 'Aggiungi una voce di budget' });
      await form.locator('#budget-line-category').selectOption({ label: category });
      await form.locator('#budget-line-partner').selectOption({ label: partner });
      await form.getByLabel('Importo in euro').fill(amount);
      await form.getByLabel('Descrizione').fill(description);
      await form.getByRole('button', { name: 'Aggiungi la voce' }).click();
      await expect.poll(() => budgetLines().innerText()).toContain(description);
    };
    await addLine('Servizi sociali Pinerolese (demo)', 'Personale', '10.000,00', 'Educatrici del nido');
    await addLine('Meccanica Chisone S.r.l. (demo)', 'Servizi', '2.500,50', 'Locali e pulizie');

    const addSource = async (kind: string, funder: string, committed: string) => {
      const form = page().getByRole('form', { name: 'Aggiungi una fonte di finanziamento' });
      await form.locator('#funding-kind').selectOption({ label: kind });
      await form.getByLabel('Nome del finanziatore').fill(funder);
      await form.getByLabel('Importo impegnato in euro').fill(committed);
      await form.getByRole('button', { name: 'Aggiungi la fonte' }).click();
      await expect.poll(() => page().getByRole('table', { name: 'Fonti di finanziamento' }).innerText()).toContain(funder);
    };
    await addSource('Regione', 'Regione Piemonte', '9000');
    await addSource('Fondazione', 'Fondazione Comunità Pinerolese', '3.500,50');

    const totals = page().locator('#project-budget dl');
    await expect.poll(() => totals.innerText()).toMatch(/12\.500,50\s€/);
    expect(await totals.innerText()).toMatch(/Finanziamenti impegnati\s+12\.500,50\s€/);
    // The foundation's 3.500,50 € of 12.500,50 € committed is co-financing: 28 %.
    expect(await totals.innerText()).toMatch(/Cofinanziamento\s+3500,50\s€/);
    expect(await totals.innerText()).toMatch(/\(28\s?% dei finanziamenti impegnati\)/);
    const bySource = page().getByTestId('budget-by-source');
    await expect.poll(() => bySource.innerText()).toContain('Regione');
    expect(await bySource.innerText()).toContain('Fondazione');
    expect(await bySource.locator('canvas[role="img"]').count()).toBe(1);
    expect(await page().getByTestId('budget-by-partner').innerText()).toContain('Meccanica Chisone S.r.l. (demo)');
  });

  it('moves the project along the pipeline to running, offering only the allowed next steps', async () => {
    // A project from a proposal starts in co-design.
    await page().getByText('Stato attuale: Co-progettazione.').waitFor();
    const steps = page().getByRole('group', { name: 'Prossimi passi possibili' });
    for (const [button, status] of [
      ['Segna come presentato', 'Presentato'],
      ['Segna come approvato', 'Approvato'],
      ['Avvia il progetto', 'In corso'],
    ] as const) {
      await steps.getByRole('button', { name: button }).click();
      await page().getByText(`Stato attuale: ${status}.`).waitFor();
    }
    // From "running" the only way on is the evaluation; nothing else is offered.
    expect(await steps.getByRole('button').allInnerTexts()).toEqual(['Registra la valutazione']);
    expect(await page().getByRole('table', { name: 'Storia del progetto' }).getByRole('row').count()).toBeGreaterThanOrEqual(5);
  });

  it('records a milestone on the timeline and the people reached', async () => {
    const milestone = page().getByRole('form', { name: 'Aggiungi una tappa o un prodotto' });
    await milestone.getByLabel('Titolo').fill('Apertura del nido');
    await milestone.getByLabel('Scadenza').fill('2027-09-01');
    await milestone.getByRole('button', { name: 'Aggiungi' }).click();
    const timeline = page().getByRole('list', { name: 'Cronologia delle tappe' });
    await expect.poll(() => timeline.innerText()).toContain('Apertura del nido');
    expect(await timeline.innerText()).toContain('1 set 2027');

    const people = page().getByRole('form', { name: 'Registra le persone raggiunte' });
    await people.getByLabel('Mese').fill('2027-10');
    await people.getByLabel('Destinatari').selectOption({ label: 'Bambini' });
    const municipality = people.getByLabel('Comune');
    await municipality.locator('option', { hasText: 'Villar Perosa' }).waitFor({ state: 'attached' });
    await municipality.selectOption({ label: 'Villar Perosa' });
    await people.getByLabel('Numero di persone').fill('8');
    await people.getByRole('button', { name: 'Registra' }).click();
    const table = page().getByRole('table', { name: 'Persone raggiunte per mese, destinatari e comune' });
    await expect.poll(() => table.innerText()).toContain('Villar Perosa');
    expect(await table.innerText()).toContain('ottobre 2027');
    await page().getByText('In tutto 8 persone raggiunte.').waitFor();
    await expectWords();
    await expectAccessible();
    expect(pageErrors).toEqual([]);
  });

  it("links a need of the district's register and adds a progress report with a document", async () => {
    const search = page().getByRole('form', { name: 'Collega un bisogno del registro' });
    await search.getByLabel('Categoria').locator('option', { hasText: 'Baby sitting e assistenza ai bambini' }).waitFor({ state: 'attached' });
    await search.getByLabel('Categoria').selectOption({ label: 'Baby sitting e assistenza ai bambini' });
    await search.getByRole('button', { name: 'Cerca nel registro' }).click();
    const found = search.getByRole('table', { name: 'Bisogni trovati che si possono collegare' });
    await expect.poll(() => found.innerText()).toContain('Villar Perosa');
    await found.getByRole('button', { name: 'Collega: Baby sitting e assistenza ai bambini, Villar Perosa' }).first().click();
    const linked = page().getByRole('table', { name: 'Bisogni del registro' });
    await expect.poll(() => linked.innerText()).toContain('Villar Perosa');
    expect(await linked.innerText()).toContain('Baby sitting e assistenza ai bambini');

    const report = page().getByRole('form', { name: 'Aggiungi una relazione di avanzamento' });
    await report.getByLabel('Periodo dal').fill('2027-09-01');
    await report.getByLabel('Periodo al').fill('2027-10-31');
    await report.locator('#report-text').fill('Il nido ha aperto con otto bambini.');
    await report.getByLabel(/Documenti da allegare/).setInputFiles({ name: 'Presenze.txt', mimeType: 'text/plain', buffer: Buffer.from('Presenze di ottobre: 8 bambini.\n') });
    await report.getByRole('button', { name: 'Aggiungi la relazione' }).click();
    const reports = page().locator('#project-reports');
    await reports.getByRole('heading', { name: 'Relazione dal 1 set 2027 al 31 ott 2027' }).waitFor();
    expect(await reports.innerText()).toContain('Il nido ha aperto con otto bambini.');
    expect(await reports.innerText()).toMatch(/Per l'intero progetto, aggiunta il \d{1,2} [a-z]{3} \d{4}/);
    await reports.getByRole('link', { name: 'Scarica Presenze.txt' }).waitFor();
    expect(await reports.innerText()).toMatch(/\(\d+ B\)/);
    await expectWords();
    await expectAccessible();
    expect(pageErrors).toEqual([]);
  });

  it('lists the project, by district, on the list and its map, in words and accessibly', async () => {
    await page().goto(`${journey.server.url}/`);
    await page().getByRole('link', { name: 'I progetti del distretto' }).first().click();
    await page().getByRole('heading', { level: 1, name: 'Progetti co-progettati' }).waitFor();
    const list = page().getByRole('table', { name: 'Progetti' });
    const row = list.getByRole('row').filter({ has: page().getByRole('rowheader', { name: 'Nido aziendale condiviso in Val Chisone' }) });
    await expect.poll(() => row.innerText()).toContain('In corso');
    expect(await row.innerText()).toMatch(/12\.500,50\s€/);
    await page().getByLabel('Stato').selectOption({ label: 'Idea' });
    await expect.poll(() => list.getByRole('rowheader', { name: 'Nido aziendale condiviso in Val Chisone' }).count()).toBe(0);
    await page().getByLabel('Stato').selectOption({ label: 'In corso' });
    await list.getByRole('rowheader', { name: 'Nido aziendale condiviso in Val Chisone' }).waitFor();
    const byDistrict = page().getByRole('table', { name: 'Progetti e budget per distretto' });
    await expect.poll(() => byDistrict.innerText()).toContain('Pinerolese');
    await expect.poll(() => page().getByTestId('projects-map').getAttribute('data-area-count').then(Number), { timeout: 30_000 }).toBeGreaterThan(10);
    await expectWords();
    await expectAccessible();
  });

  it("follows the demo's scaled-up project to its replica and back", async () => {
    const scaled = 'Custodi di quartiere per gli anziani soli (demo)';
    const replica = 'Custodi di quartiere per gli anziani soli – Val Pellice (demo)';
    await page().getByLabel('Stato').selectOption({ label: 'Esteso ad altri territori' });
    await page().getByRole('table', { name: 'Progetti' }).getByRole('link', { name: scaled, exact: true }).click();
    await page().getByRole('heading', { level: 1, name: scaled }).waitFor();
    const status = page().locator('#project-status');
    await expect.poll(() => status.innerText()).toMatch(/Esteso a: \S/);
    await status.getByRole('link', { name: replica }).click();
    await page().getByRole('heading', { level: 1, name: replica }).waitFor();
    await page().locator('#project-status').getByText('Replica di:').waitFor();
    await expectWords();
    await page().locator('#project-status').getByRole('link', { name: scaled, exact: true }).click();
    await page().getByRole('heading', { level: 1, name: scaled }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('evaluates the running demo project and scales it up to a municipality chosen by name, with a replica', async () => {
    const running = 'Filiera lavoro e cura in Val Chisone (demo)';
    await page().getByRole('link', { name: 'Progetti co-progettati' }).first().click();
    await page().getByRole('heading', { level: 1, name: 'Progetti co-progettati' }).waitFor();
    await page().getByRole('table', { name: 'Progetti' }).getByRole('link', { name: running, exact: true }).click();
    await page().getByRole('heading', { level: 1, name: running }).waitFor();
    const steps = page().getByRole('group', { name: 'Prossimi passi possibili' });
    await steps.getByRole('button', { name: 'Registra la valutazione' }).click();
    const evaluation = page().getByRole('form', { name: 'Valutazione del progetto' });
    await evaluation.locator('#evaluation-measured').fill('Tirocini avviati e assunzioni a sei mesi');
    await evaluation.locator('#evaluation-results').fill('Dieci tirocini, sei assunzioni');
    await evaluation.locator('#evaluation-decision').selectOption({ label: 'Estendere ad altri territori' });
    await evaluation.locator('#evaluation-reasons').fill('Le imprese della valle vicina lo chiedono');
    await evaluation.getByRole('button', { name: 'Registra la valutazione' }).click();
    await page().getByText('Stato attuale: Valutato.').waitFor();

    await steps.getByRole('button', { name: 'Estendi ad altri territori' }).click();
    const outcome = page().getByRole('form', { name: 'Estendi ad altri territori' });
    // Sending without a place says what is missing.
    await outcome.getByRole('button', { name: 'Estendi ad altri territori' }).click();
    await outcome.getByText('Scegli almeno un comune o un distretto.').waitFor();
    const picker = outcome.locator('#scale-up-municipality');
    await picker.fill('Pragelato');
    await outcome.locator('datalist option[value="Pragelato (TO)"]').waitFor({ state: 'attached' });
    await picker.press('Enter');
    // Enter adds the municipality to the list; it does not send the form.
    await outcome.getByRole('list', { name: 'Comuni scelti' }).getByText('Pragelato', { exact: true }).waitFor();
    expect(await page().getByText('Stato attuale: Valutato.').count()).toBe(1);
    await outcome.locator('#scale-up-replica').selectOption({ label: 'Nido aziendale condiviso in Val Chisone' });
    await outcome.getByRole('button', { name: 'Estendi ad altri territori' }).click();
    await page().getByText('Stato attuale: Esteso ad altri territori.').waitFor();
    const status = page().locator('#project-status');
    await status.getByText('Esteso a: Pragelato.').waitFor();
    await status.getByRole('link', { name: 'Nido aziendale condiviso in Val Chisone' }).click();
    await page().getByRole('heading', { level: 1, name: 'Nido aziendale condiviso in Val Chisone' }).waitFor();
    await page().locator('#project-status').getByRole('link', { name: running }).waitFor();
    await expectWords();
    await expectAccessible();
    expect(pageErrors).toEqual([]);
    await signOut();
  });

  it("lets the firm's member edit its own budget line and no other", async () => {
    await signIn('impresa@pinerolese.demo', 'demo-impresa-2026');
    await page().getByRole('link', { name: 'I progetti di cui Meccanica Chisone S.r.l. (demo) è partner' }).click();
    await page().getByRole('link', { name: 'Nido aziendale condiviso in Val Chisone' }).click();
    await page().getByRole('heading', { level: 1, name: 'Nido aziendale condiviso in Val Chisone' }).waitFor();
    await budgetLines().waitFor();
    await expect.poll(() => budgetLines().getByRole('button').allInnerTexts()).toEqual(['Modifica la voce Locali e pulizie']);
    const other = budgetLines().getByRole('row').filter({ has: page().getByRole('rowheader', { name: 'Educatrici del nido' }) });
    expect(await other.getByRole('button').count()).toBe(0);
    // A partner edits no part of the project itself: no pipeline steps, no partnership or funding form.
    expect(await page().getByRole('group', { name: 'Prossimi passi possibili' }).count()).toBe(0);
    expect(await page().getByRole('form', { name: 'Aggiungi una fonte di finanziamento' }).count()).toBe(0);
    // It reads the progress reports and may add one only for itself, not for the whole project; it links no need.
    await page().getByRole('heading', { name: 'Relazione dal 1 set 2027 al 31 ott 2027' }).waitFor();
    const reportAuthor = page().getByRole('form', { name: 'Aggiungi una relazione di avanzamento' }).getByLabel('Per conto di');
    expect(await reportAuthor.locator('option').allInnerTexts()).toEqual(['Meccanica Chisone S.r.l. (demo)']);
    expect(await page().getByRole('form', { name: 'Collega un bisogno del registro' }).count()).toBe(0);

    await budgetLines().getByRole('button', { name: 'Modifica la voce Locali e pulizie' }).click();
    const form = page().getByRole('form', { name: 'Modifica la voce Locali e pulizie' });
    // "2.600" would read as 2,600 euros with three decimals, which the field refuses: people write 2600.
    await form.getByLabel('Importo in euro').fill('2600');
    await form.getByRole('button', { name: 'Salva la voce' }).click();
    const own = budgetLines().getByRole('row').filter({ has: page().getByRole('rowheader', { name: 'Locali e pulizie' }) });
    await expect.poll(() => own.innerText()).toMatch(/2600,00\s€/);
    await expect.poll(() => page().locator('#project-budget dl').innerText()).toMatch(/Budget\s+12\.600,00\s€/);
    expect(pageErrors).toEqual([]);
  });
});
