import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createHttpServer } from './create-http-server';

/** The built web app as the server serves it: files, the app shell for client routes, and 404 for missing files. */
describe('static web files', () => {
  let folder: string;
  let db: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'distretto-web-'));
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Distretto</title>');
    writeFileSync(join(folder, 'assets', 'app-abc123.js'), 'console.log(1)');
    db = await createTestDatabase();
    app = await createHttpServer({ db, config: { ...loadConfig({}), logLevel: 'silent' }, modules: [], webDistDir: folder, logger: false });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await db.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves an asset that exists and the app shell for a client route', async () => {
    const asset = await app.inject({ url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    const page = await app.inject({ url: '/territorio/001191' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Distretto</title>');
  });

  it('/assets/<missing file>: a missing asset, or any missing file with an extension, is a 404 and not the app shell', async () => {
    for (const url of ['/assets/app-old999.js', '/assets/missing/deep.css', '/assets/no-extension', '/favicon-missing.ico', '/robots.txt?x=1']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('<title>Distretto</title>');
    }
  });
});
