import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appContentSecurityPolicy } from '../server/platform/http/security-headers';
import { launchBrowser } from './support/browser';
import { seriousAccessibilityProblems } from './support/accessibility';

/**
 * The Markdown editor of web/ui in a real browser (no module page uses it yet): the harness page is built by Vite, as
 * the app is (so sanitize-html and markdown-it are proven to bundle and run in the browser), and served under the
 * app's own CSP (no 'unsafe-eval', no inline script).
 */
describe('Markdown editor in the browser', () => {
  let outDir: string;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'distretto-markdown-harness-'));
    await build({
      root: fileURLToPath(new URL('./support/markdown-editor-harness/', import.meta.url)),
      base: '/',
      plugins: [react()],
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
    server = createServer(async (request, response) => {
      const path = request.url === '/' ? '/index.html' : request.url!.split('?')[0]!;
      try {
        const body = await readFile(join(outDir, path));
        response.setHeader('content-type', types[extname(path)] ?? 'application/octet-stream');
        response.setHeader('content-security-policy', appContentSecurityPolicy({ basemapUrl: null, secureCookies: false }));
        response.end(body);
      } catch {
        response.statusCode = 404;
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('writes, previews with the keyboard exactly what the server would publish, and passes axe', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(baseUrl);
    const textarea = page.getByRole('textbox', { name: 'Testo del verbale' });
    await textarea.fill('## Decisioni\n\n1. Approvato il calendario\n\n<script>window.pwned = true</script> [clicca](javascript:alert(1)) [sito](https://esempio.it)\n\n<img src=x onerror="window.pwned = true">');

    const writeTab = page.getByRole('tab', { name: 'Scrivi' });
    const previewTab = page.getByRole('tab', { name: 'Anteprima' });
    await writeTab.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => previewTab.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Anteprima');
    expect(await textarea.isVisible()).toBe(false);

    const preview = page.getByRole('tabpanel', { name: 'Anteprima' });
    await expect.poll(() => preview.locator('h3').textContent()).toBe('Decisioni');
    expect(await preview.locator('a').evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.getAttribute('rel')]))).toEqual([['https://esempio.it', 'noopener noreferrer nofollow']]);
    expect(await preview.locator('script, img, iframe, [onerror], [style]').count()).toBe(0);
    expect(await preview.textContent()).toContain('<script>window.pwned = true</script>');
    expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();

    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // Back to writing with Home: the text is still there.
    await page.keyboard.press('Home');
    await expect.poll(() => writeTab.getAttribute('aria-selected')).toBe('true');
    expect(await textarea.inputValue()).toContain('## Decisioni');
    expect(errors).toEqual([]);
  });
});
