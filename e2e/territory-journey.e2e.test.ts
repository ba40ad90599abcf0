import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/**
 * The foundation journey: the seeded coordinator signs in, opens the Piemonte map, finds Pinerolo by typing
 * "pinerolo" and opens its page — on the real server started as `npm start` does.
 */
describe('territory journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints how to sign in as the first administrator and the demo coordinator', () => {
    expect(server.output()).toMatch(/Administrator: sign in at .* as admin@distretto\.local with password \S{12,}/);
    expect(server.output()).toContain('coordinatore@pinerolese.demo');
  });

  it('signs in as the demo district coordinator', async () => {
    await page.goto(`${server.url}/accedi`);
    await page.getByLabel('Indirizzo e-mail').fill('coordinatore@pinerolese.demo');
    await page.getByLabel('Password').fill('demo-pinerolese-2026');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => page.url()).not.toContain('/accedi');
    await page.getByText('Coordinatrice del distretto (demo)').first().waitFor();
  });

  it('opens the map of Piemonte with its municipalities drawn', async () => {
    await page.goto(`${server.url}/territorio`);
    await page.getByRole('heading', { name: /Piemonte/ }).first().waitFor();
    const map = page.locator('.maplibregl-canvas');
    await map.waitFor({ state: 'visible' });
    const box = await map.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(200);
  });

  it('finds Pinerolo by typing "pinerolo" and opens its page', async () => {
    await page.getByLabel('Cerca un comune').fill('pinerolo');
    const result = page.getByRole('link', { name: 'Pinerolo', exact: true });
    await result.waitFor();
    await result.click();
    await expect.poll(() => page.url()).toContain('/territorio/comuni/001191');
    await page.getByRole('heading', { level: 1, name: 'Pinerolo' }).waitFor();
    await page.getByText('G674').first().waitFor(); // its cadastral code
  });

  it('has no serious or critical accessibility violations on the territory explorer', async () => {
    await page.goto(`${server.url}/territorio`);
    await page.locator('.maplibregl-canvas').waitFor({ state: 'visible' });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
