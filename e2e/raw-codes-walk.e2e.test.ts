import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { visibleCodeLeaks } from '../server/platform/testing/raw-codes';
import { setUpJourney } from './support/journey';

/**
 * Words instead of codes (issue 14): an administrator, the demo district's coordinator and the demo firm's member each
 * sign in and walk the app by clicking — every entry of the main menu, and from each menu page its first links into
 * a detail page — in Italian and then in English (the header's language switch). Every page must read in words:
 * no snake_case, dotted slug, ISO date, language code list or, on an Italian page, an English value. What a page shows
 * as <code> (a file's column names, an ISTAT code, a category's code a person types in a file) is meant to be read as
 * a code, and is left out.
 */
describe('raw-code walk', () => {
  const journey = setUpJourney();
  const pageErrors: string[] = [];
  // Each person walks in a fresh browser context (their own cookies), created by `it` below.
  let current: Page;
  const page = (): Page => current;
  const LINKS_PER_MENU_PAGE = 4;

  async function signIn(email: string, password: string) {
    await page().goto(`${journey.server.url}/accedi`);
    await page().getByLabel('Indirizzo e-mail').fill(email);
    await page().locator('#login-password').fill(password);
    await page().getByRole('button', { name: 'Accedi', exact: true }).click();
    await page().waitForURL((url) => !url.pathname.startsWith('/accedi'), { timeout: 30_000 });
  }

  async function signOut() {
    await page().locator('.account-zone').getByRole('button').first().click();
    await page().locator('.account-zone__login').waitFor();
  }

  async function chooseLanguage(language: 'it' | 'en') {
    await page().locator(`.language-switch__button[lang="${language}"]`).click();
    await expect.poll(() => page().locator(`.language-switch__button[lang="${language}"]`).getAttribute('aria-pressed')).toBe('true');
  }

  /**
   * Waits until the page has its own title (not the one of the page before: see markPageSeen) and nothing is loading
   * any more, then returns what a person reads on it, <code> elements left out. On an Italian page, what the page
   * declares English (lang="en": a category's English label beside its Italian one) is returned apart, to be read as
   * English: raw codes are still looked for in it, English words are not leaks there.
   */
  async function settledText(language: 'it' | 'en'): Promise<{ text: string; declaredEnglish: string }> {
    await page().locator('main h1:not([data-walk-seen])').first().waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await page().locator('main .spinner-border, main [role="status"] .progress-spinner').count()) === 0 && !(await page().locator('main').innerText()).match(/Caricamento|Loading…/), { timeout: 30_000 })
      .toBe(true);
    const options = (await page().locator('main option').allTextContents()).join('\n');
    // innerText leaves out what is not visible: hide elements while reading (through their style property: the app's
    // Content-Security-Policy refuses an injected style sheet).
    const hide = (selector: string, isHidden: boolean) =>
      page().evaluate(
        ({ selector, isHidden }) => {
          for (const element of document.querySelectorAll<HTMLElement>(selector)) {
            if (isHidden) element.style.setProperty('visibility', 'hidden', 'important');
            else element.style.removeProperty('visibility');
          }
        },
        { selector, isHidden },
      );
    const declaredEnglishSelector = 'main [lang="en"], footer [lang="en"]';
    await hide('code', true);
    const declaredEnglish = language === 'it' ? (await page().locator(declaredEnglishSelector).allInnerTexts()).join('\n') : '';
    if (language === 'it') await hide(declaredEnglishSelector, true);
    const text = `${options}\n${await page().locator('header').innerText()}\n${await page().locator('main').innerText()}\n${await page().locator('footer').innerText()}`;
    await hide(declaredEnglishSelector, false);
    await hide('code', false);
    return { text, declaredEnglish };
  }

  /** Marks the title of the page on screen, so settledText waits for the next page's own before reading. */
  async function markPageSeen() {
    await page().evaluate(() => document.querySelectorAll('main h1').forEach((title) => title.setAttribute('data-walk-seen', '')));
  }

  /** Every page of the main navigation: its entries and those of its dropdowns. */
  function menu() {
    return page().locator('#main-navigation a.nav-link, #main-navigation .dropdown-menu a');
  }

  /** The places of the menu's row: its entries and its dropdowns' buttons. */
  function menuRow() {
    return page().locator('#main-navigation .nav-link');
  }

  /** Clicks the menu's entry (opening its dropdown first, when it is in one) and waits for its address: returns the page's path. */
  async function openMenuEntry(index: number): Promise<string> {
    const entry = menu().nth(index);
    const path = new URL((await entry.getAttribute('href')) ?? '/', journey.server.url).pathname;
    await markPageSeen();
    if (!(await entry.isVisible())) {
      await entry.locator('xpath=ancestor::li[contains(concat(" ", @class, " "), " dropdown ")]/button').click();
    }
    await entry.click();
    await page().waitForURL((url) => url.pathname === path);
    return path;
  }

  async function walk(role: string, language: 'it' | 'en'): Promise<string[]> {
    const leaks: string[] = [];
    const record = async (where: string) => {
      const { text: read, declaredEnglish } = await settledText(language);
      const text = `${read}\n${declaredEnglish}`;
      for (const leak of [...visibleCodeLeaks(read, language), ...visibleCodeLeaks(declaredEnglish, 'en')]) {
        const line = text.split('\n').find((l) => l.includes(leak)) ?? '';
        leaks.push(`${role} ${language} ${where}: ${leak}   «${line.trim().slice(0, 160)}»`);
        console.log(leaks.at(-1));
      }
    };
    const labels = await menu().evaluateAll((links) => links.map((link) => (link as HTMLElement).querySelector('span')?.textContent ?? ''));
    expect(labels.length).toBeGreaterThan(2);
    for (let index = 0; index < labels.length; index += 1) {
      const menuPath = await openMenuEntry(index);
      await record(menuPath);
      const menuHrefs = new Set(await menu().evaluateAll((links) => links.map((link) => link.getAttribute('href'))));
      const detailHrefs = await page()
        .locator('main a[href^="/"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      const distinct = [...new Set(detailHrefs)].filter((href) => !menuHrefs.has(href) && href !== menuPath && !href.startsWith('/api/')).slice(0, LINKS_PER_MENU_PAGE);
      for (const [position, href] of distinct.entries()) {
        if (position > 0) {
          await openMenuEntry(index);
          await settledText(language);
        }
        // A list that pages or sorts itself may show other links on the second visit: follow those that are there.
        const link = page().locator(`main a[href="${href}"]`).first();
        if ((await link.count()) === 0) continue;
        await markPageSeen();
        await link.click();
        await page().waitForURL((url) => url.pathname === new URL(href, journey.server.url).pathname);
        await record(`${menuPath} → ${new URL(page().url()).pathname}`);
      }
    }
    return leaks;
  }

  const people = [
    { role: 'administrator', credentials: () => administrator },
    { role: 'coordinator', credentials: () => ({ email: 'coordinatore@pinerolese.demo', password: 'demo-pinerolese-2026' }) },
    { role: 'organization member', credentials: () => ({ email: 'impresa@pinerolese.demo', password: 'demo-impresa-2026' }) },
  ];
  let administrator = { email: '', password: '' };

  it('reads the administrator printed at start-up', () => {
    const printed = /Administrator: sign in at \S+ as (\S+) with password (\S+)/.exec(journey.server.output());
    expect(printed).not.toBeNull();
    administrator = { email: printed![1]!, password: printed![2]! };
  });

  it("fits the administrator's menu on one row at 1366 × 768, with no horizontal scroll, in both languages", async () => {
    const context = await journey.browser.newContext({ locale: 'it-IT', viewport: { width: 1366, height: 768 } });
    current = await context.newPage();
    await signIn(administrator.email, administrator.password);
    for (const language of ['it', 'en'] as const) {
      await chooseLanguage(language);
      const entries = menuRow();
      await entries.first().waitFor();
      const rows = await entries.evaluateAll((links) => [...new Set(links.map((link) => Math.round(link.getBoundingClientRect().top)))]);
      const labels = await entries.allInnerTexts();
      expect(labels.length, 'the administrator sees most of the menu').toBeGreaterThanOrEqual(8);
      expect(rows, `${language}: menu entries on more than one row: ${labels.join(' | ')}`).toHaveLength(1);
      const overflow = await page().evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${language}: the page scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it.each(people)('the $role reads words, not codes, on every page reached from the menu, in Italian and English', async ({ role, credentials }) => {
    const { email, password } = credentials();
    const context = await journey.browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } });
    current = await context.newPage();
    current.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(email, password);
    await chooseLanguage('it');
    const leaks = await walk(role, 'it');
    await chooseLanguage('en');
    leaks.push(...(await walk(role, 'en')));
    await chooseLanguage('it');
    await signOut();
    await context.close();
    expect(leaks).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 600_000);
});
