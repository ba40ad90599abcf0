import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey';
import { seriousAccessibilityProblems } from './support/accessibility';

/**
 * Shared knowledge (issue 15), by clicking from signing in: the demo firm's member records a failed practice with its
 * cause and its lesson (filling the form with the keyboard alone), finds it by searching a word of it in another
 * inflection, and sees it in the "failures and lessons" view one click away. axe finds nothing serious on the list,
 * the form and the practice page.
 */
describe('practices journey', () => {
  const journey = setUpJourney();
  const TITLE = 'Mensa aziendale aperta agli anziani del quartiere';

  const seriousProblems = () => seriousAccessibilityProblems(journey.page);

  /** Presses Tab until the element with `id` has the focus (as a keyboard user moves through the form). */
  const tabTo = async (id: string) => {
    const { page } = journey;
    for (let step = 0; step < 80; step += 1) {
      if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached #${id}`);
  };

  it("the firm's member records a failed practice from the home, with the keyboard, and is asked for its cause and lesson", async () => {
    const { page, server } = journey;
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Accedi' }).first().click();
    await page.getByLabel('Indirizzo e-mail').fill('impresa@pinerolese.demo');
    await page.getByLabel('Password').fill('demo-impresa-2026');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => page.url()).not.toContain('/accedi');

    await page.getByRole('link', { name: 'Registra una pratica' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Registra una pratica' }).waitFor();
    await expect.poll(() => page.getByLabel(/Organizzazione e distretto/).inputValue()).not.toBe('');
    expect(await page.getByLabel(/Organizzazione e distretto/).locator('option:checked').innerText()).toContain('Meccanica Chisone S.r.l. (demo)');
    expect(await seriousProblems()).toEqual([]);

    // Keyboard only: Tab to each field, type, choose the outcome with the arrows, submit with Enter.
    await page.getByLabel(/Organizzazione e distretto/).focus();
    await tabTo('practice-title');
    await page.keyboard.type(TITLE);
    await tabTo('practice-whatTried');
    await page.keyboard.type('Due giorni a settimana la mensa della fabbrica ha accolto gli anziani soli del quartiere per il pranzo.');
    await tabTo('practice-outcome');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#practice-outcome').inputValue()).toBe('failure');
    await tabTo('practice-visibility-district');
    await page.keyboard.press('Enter');
    // Submitted without its cause and lesson: a clear message on each field, the focus on the first, nothing saved.
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Controlla i campi segnalati.' }).count()).toBe(1);
    await page.getByText('Con un esito parziale o un insuccesso, scrivi perché non ha funzionato.').waitFor();
    await page.getByText('Con un esito parziale o un insuccesso, scrivi cosa fareste diversamente.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('practice-failureCause');
    expect(await page.locator('#practice-failureCause').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousProblems()).toEqual([]);

    await page.keyboard.type('Gli orari della mensa erano quelli dei turni: troppo presto per chi viveva solo e lontano.');
    await tabTo('practice-lessonLearned');
    await page.keyboard.type('Concordare gli orari con le associazioni di anziani e offrire un accompagnamento.');
    await tabTo('practice-visibility-district');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain('Insuccesso');
    const text = await main.innerText();
    expect(text).toContain('Perché non ha funzionato');
    expect(text).toContain('troppo presto per chi viveva solo');
    expect(text).toContain('Cosa faremmo diversamente');
    expect(text).toContain('Solo i membri del distretto');
    expect(text).toContain('Meccanica Chisone S.r.l. (demo)');
    expect(await seriousProblems()).toEqual([]);
  });

  it('finds it by searching a word in another inflection, and in the failures and lessons view in one click', async () => {
    const { page } = journey;
    await page.locator('main').getByRole('link', { name: 'Pratiche e lezioni' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Pratiche e lezioni' }).waitFor();
    await page.getByLabel('Cerca nelle pratiche').fill('mense');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByRole('heading', { name: '1 pratica trovata' }).waitFor();
    const found = page.getByRole('link', { name: TITLE });
    await found.waitFor();
    // The snippet marks the word found, whatever its form.
    expect(await page.locator('mark').first().innerText()).toMatch(/^[Mm]ensa$/);
    expect(await seriousProblems()).toEqual([]);

    await page.getByLabel('Cerca nelle pratiche').fill('');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByRole('button', { name: 'Insuccessi e lezioni' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Insuccessi e lezioni' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.url()).toContain('lezioni=1');
    await page.getByRole('link', { name: TITLE }).waitFor();
    await page.getByRole('link', { name: 'Navetta aziendale per il primo turno (demo)' }).waitFor();
    // Only partial results and failures: the demo's public success is not there.
    expect(await page.getByRole('link', { name: 'Spesa a domicilio con i volontari per gli anziani soli (demo)' }).count()).toBe(0);
    expect(await seriousProblems()).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });

  it('from a practice its working group opens in one click, and the group page lists the practices linked to it', async () => {
    const { page } = journey;
    const PUBLIC = 'Spesa a domicilio con i volontari per gli anziani soli (demo)';
    const GROUP = 'Tavolo anziani e caregiver (demo)';
    await page.getByRole('button', { name: 'Tutte le pratiche' }).click();
    await expect.poll(() => page.url()).not.toContain('lezioni=1');
    await page.getByRole('link', { name: PUBLIC }).click();
    await page.getByRole('heading', { level: 1, name: PUBLIC }).waitFor();
    // The firm's member sits in the by-invitation demo group: its name is a link to its page.
    const groups = page.getByRole('region', { name: 'Tavoli di lavoro' });
    await groups.getByRole('link', { name: GROUP }).click();
    await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    const listed = page.getByRole('region', { name: 'Pratiche del tavolo' });
    await listed.getByRole('link', { name: PUBLIC }).waitFor();
    await listed.getByRole('link', { name: 'Sportello badanti condiviso tra i comuni della valle (demo)' }).waitFor();
    // Only the practices naming the group: the one recorded above names none.
    expect(await listed.getByRole('link', { name: TITLE }).count()).toBe(0);
    await listed.getByRole('link', { name: PUBLIC }).click();
    await page.getByRole('heading', { level: 1, name: PUBLIC }).waitFor();
    expect(await seriousProblems()).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });

  it('the practice form offers the district\'s working groups by name: the one chosen shows on the practice page', async () => {
    const { page } = journey;
    const GROUP = 'Tavolo anziani e caregiver (demo)';
    await page.locator('main').getByRole('link', { name: 'Pratiche e lezioni' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Pratiche e lezioni' }).waitFor();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await page.getByRole('region', { name: 'Tavoli di lavoro' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Modifica la pratica' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifica la pratica' }).waitFor();
    const field = page.getByRole('group', { name: /Tavoli di lavoro dove è stata discussa/ });
    // Bootstrap Italia draws the box on the label, which takes the click as a person's pointer does.
    await field.locator('label', { hasText: GROUP }).click();
    await expect.poll(() => field.getByLabel(GROUP).isChecked()).toBe(true);
    expect(await seriousProblems()).toEqual([]);
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('region', { name: 'Tavoli di lavoro' }).getByRole('link', { name: GROUP }).waitFor();
    expect(journey.pageErrors).toEqual([]);
  });
});
