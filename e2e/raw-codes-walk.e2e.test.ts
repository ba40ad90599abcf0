import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { visibleCodeLeaks } from '../server/platform/testing/raw-codes';
import { setUpJourney } from './support/journey';

/**
 * Words instead of codes (issue 14): an administrator, the demo district's coordinator and the demo firm's member each
 * sign in and walk the app by clicking — every entry of the main menu, and from each menu page its first links into
 * a detail page — in Italian and then in English (the header's language switch). Every page must read in words:
 * no snake_case, dotted slug, ISO date, language code list or, on an Italian page, an English value.
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

  /** Waits until the page has its title and nothing is loading any more, then returns what a person reads on it. */
  async function settledText(): Promise<string> {
    await page().locator('main h1').first().waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await page().locator('main .spinner-border, main [role="status"] .progress-spinner').count()) === 0 && !(await page().locator('main').innerText()).match(/Caricamento|Loading…/), { timeout: 30_000 })
      .toBe(true);
    const options = (await page().locator('main option').allTextContents()).join('\n');
    return `${options}\n${await page().locator('header').innerText()}\n${await page().locator('main').innerText()}\n${await page().locator('footer').innerText()}`;
  }

  function menu() {
    return page().locator('#main-navigation a.nav-link');
  }

  /** Clicks the menu's entry and waits for its address: returns the page's path. */
  async function openMenuEntry(index: number): Promise<string> {
    const path = new URL((await menu().nth(index).getAttribute('href')) ?? '/', journey.server.url).pathname;
    await menu().nth(index).click();
    await page().waitForURL((url) => url.pathname === path);
    return path;
  }

  async function walk(role: string, language: 'it' | 'en'): Promise<string[]> {
    const leaks: string[] = [];
    const record = async (where: string) => {
      const text = await settledText();
      for (const leak of visibleCodeLeaks(text, language)) {
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
          await settledText();
        }
        // A list that pages or sorts itself may show other links on the second visit: follow those that are there.
        const link = page().locator(`main a[href="${href}"]`).first();
        if ((await link.count()) === 0) continue;
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
      const entries = menu();
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
