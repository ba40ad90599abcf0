import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { openReferralsPage, waitForGapSummary } from './support/matching';
import { seriousAccessibilityProblems } from './support/accessibility';

/**
 * Each person starts from the home page after signing in and reaches what they came for by clicking (issue 14): the
 * demo firm's member answers its survey, a proposal in one of its two roles and a referral to its service, all from
 * the home; the coordinator reaches the district's work from the district's card.
 */
describe('homes: from the first screen to the work, by clicking', () => {
  const journey = setUpJourney();

  const signIn = async (email: string, password: string) => {
    const { page, server } = journey;
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Accedi' }).first().click();
    await page.getByLabel('Indirizzo e-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => page.url()).not.toContain('/accedi');
  };
  const seriousProblems = () => seriousAccessibilityProblems(journey.page);

  /** Back to the home by the header's brand link, as a person does from any page. */
  const goHome = () => journey.page.getByRole('link', { name: /^Distretto\s*Reti territoriali/ }).first().click();
  const SURVEY = 'Trasporto casa-lavoro condiviso (demo)';
  const PROPOSAL = 'Posti al nido condivisi per le famiglie di Pinerolo (demo)';
  const NURSERY = 'Asilo nido aziendale aperto al territorio';

  it("the firm's member answers its survey from the home, submits, goes back and edits a submitted section", async () => {
    const { page } = journey;
    await signIn('impresa@pinerolese.demo', 'demo-impresa-2026');
    await goHome();
    const surveys = page.getByRole('list', { name: 'Questionari da compilare' });
    await surveys.getByText(SURVEY, { exact: true }).waitFor();
    expect(await seriousProblems()).toEqual([]);
    await surveys.getByRole('button', { name: `Rispondi al questionario «${SURVEY}»` }).click();

    await page.getByRole('heading', { level: 1, name: SURVEY }).waitFor();
    await page.getByText('Rispondete per: Meccanica Chisone S.r.l. (demo)').waitFor();
    await page.getByText('Sezione 1 di 2').waitFor();
    expect(await seriousProblems()).toEqual([]);
    await page.getByRole('group', { name: /navetta condivisa/ }).getByLabel('Sì').check();
    await page.getByLabel('Quanti dipendenti la userebbero?').fill('30');
    await page.getByRole('button', { name: 'Salva e continua' }).click();
    await page.getByText('Sezione 2 di 2').waitFor();
    await page.getByLabel('A che ora iniziano i vostri turni del mattino?').fill('Alle 6');
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    await page.getByText('Grazie! Le risposte sono state inviate.').waitFor();

    // Back to the first section of the submitted response: an edit is saved at once.
    await page.getByRole('button', { name: 'Sezione precedente' }).click();
    await page.getByText('Sezione 1 di 2').waitFor();
    await page.getByLabel('Quanti dipendenti la userebbero?').fill('35');
    await page.getByRole('button', { name: 'Salva e continua' }).click();
    await page.getByText('Modifiche salvate.').waitFor();
    await page.reload();
    await page.getByText('Avete già inviato le risposte: potete ancora modificarle.').waitFor();
    await expect.poll(() => page.getByLabel('Quanti dipendenti la userebbero?').inputValue()).toBe('35');

    // Submitted: the home has no survey left to fill in.
    await goHome();
    await page.getByText('Nessun questionario da compilare.').waitFor();
    expect(journey.pageErrors).toEqual([]);
  });

  it('answers the proposal as a requester only, from the home: the provider row waits unchanged', async () => {
    const { page } = journey;
    const proposals = page.getByRole('list', { name: 'Proposte di servizi condivisi che aspettano la vostra risposta' });
    await proposals.getByRole('button', { name: `Aderisco come fornitore alla proposta «${PROPOSAL}»` }).waitFor();
    await proposals.getByRole('button', { name: `Aderisco come richiedente alla proposta «${PROPOSAL}»` }).click();
    await page.getByText(`Avete aderito come richiedenti alla proposta «${PROPOSAL}».`).waitFor();
    // The home, refreshed, still asks the provider's answer, and no longer the requester's.
    await expect.poll(() => proposals.getByRole('link', { name: PROPOSAL }).count()).toBe(1);
    expect(await proposals.getByRole('button', { name: `Aderisco come richiedente alla proposta «${PROPOSAL}»` }).count()).toBe(0);
    await proposals.getByRole('button', { name: `Non interessata come fornitore alla proposta «${PROPOSAL}»` }).waitFor();

    await proposals.getByRole('link', { name: PROPOSAL }).click();
    await page.getByRole('heading', { level: 1, name: PROPOSAL }).waitFor();
    const parties = page.getByRole('table', { name: /Organizzazioni coinvolte/ });
    const firmRows = parties.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Meccanica Chisone S.r.l. (demo)' }) });
    const asRequester = firmRows.filter({ hasText: 'Richiedente' });
    const asProvider = firmRows.filter({ hasText: new RegExp(`Fornitore n\\. \\d+: ${NURSERY}`) });
    await expect.poll(() => asRequester.innerText()).toContain('Aderisce');
    expect(await asProvider.innerText()).toContain('In attesa');
    await page.getByRole('heading', { name: `Rispondi per Meccanica Chisone S.r.l. (demo) come fornitore (${NURSERY})` }).waitFor();
    expect(journey.pageErrors).toEqual([]);
  });

  it("accepts the consortium's referral to its nursery from the home", async () => {
    const { page } = journey;
    await goHome();
    const referrals = page.getByRole('list', { name: 'Segnalazioni ricevute da accettare' });
    await referrals.getByRole('link', { name: `Segnalazione al servizio «${NURSERY}»` }).waitFor();
    expect(await seriousProblems()).toEqual([]);
    await referrals.getByRole('button', { name: `Accetta la segnalazione al servizio «${NURSERY}»` }).click();
    await page.getByText(`Segnalazione al servizio «${NURSERY}» accettata.`).waitFor();
    await page.getByText('Nessuna segnalazione in attesa.').waitFor();
    // The referral page says so too.
    await openReferralsPage(page);
    const row = page.getByRole('row').filter({ hasText: NURSERY });
    await expect.poll(() => row.first().innerText()).toContain('Accettata');
    expect(journey.pageErrors).toEqual([]);
  });

  it("the coordinator reaches the district's work from the home", async () => {
    const { page, server } = journey;
    await page.context().clearCookies();
    await signIn('coordinatore@pinerolese.demo', 'demo-pinerolese-2026');
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: /Da fare nel distretto/ }).first().waitFor();
    expect(await seriousProblems()).toEqual([]);
    await page.getByRole('link', { name: 'Vai all\'abbinamento dei bisogni' }).first().click();
    // The link keeps the district: the gap map opens on it and says which.
    await expect.poll(() => new URL(page.url()).searchParams.get('distretto')).toMatch(/^[0-9a-f-]{36}$/);
    expect(new URL(page.url()).pathname).toBe('/abbinamento');
    await page.getByText('Distretto: Distretto di coesione sociale del Pinerolese (demo)').or(
      page.getByLabel('Distretto', { exact: true }).filter({ hasText: 'Distretto di coesione sociale del Pinerolese (demo)' }),
    ).first().waitFor();
    await waitForGapSummary(page);
    // The district page's referrals link keeps the district too: the referrals page is filtered on it.
    const districtId = new URL(page.url()).searchParams.get('distretto')!;
    await page.goto(`${server.url}/distretti/${districtId}`);
    await page.getByRole('navigation', { name: 'Attività del distretto' }).getByRole('link', { name: /segnalazion[ei]$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Segnalazioni' }).waitFor();
    expect(new URL(page.url()).searchParams.get('distretto')).toBe(districtId);
    await expect.poll(async () => {
      const select = page.getByLabel('Distretto', { exact: true });
      return select.locator('option:checked').innerText();
    }).toBe('Distretto di coesione sociale del Pinerolese (demo)');
    expect(journey.pageErrors).toEqual([]);
  });
});
