import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';

/**
 * Each person starts from the home page after signing in and reaches what they came for by clicking (issue 14): the
 * demo firm's member finds its organization's sections; the coordinator reaches the referrals from the district's card.
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
  const seriousProblems = async () =>
    (await new AxeBuilder({ page: journey.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);

  // The demo firm has no survey left to answer (its demo response is submitted): the click to the answer page needs a
  // demo invitation still open, not seeded yet; here the firm's home shows its sections and passes axe.
  it("a firm's member sees its organization's sections on the home", async () => {
    const { page, server } = journey;
    await signIn('impresa@pinerolese.demo', 'demo-impresa-2026');
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Questionari da compilare' }).waitFor();
    await page.getByRole('heading', { name: 'Proposte di servizi condivisi che aspettano la vostra risposta' }).waitFor();
    await page.getByRole('heading', { name: 'Segnalazioni ricevute da accettare' }).waitFor();
    expect(await seriousProblems()).toEqual([]);
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
    await expect.poll(() => page.url()).toContain('/abbinamento');
    expect(journey.pageErrors).toEqual([]);
  });
});
