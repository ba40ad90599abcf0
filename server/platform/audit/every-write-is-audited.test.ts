import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A guard for future modules: every use case that opens a write transaction must append to the audit log in it.
 * (The behavioural tests check the entries themselves; this catches the write path nobody wrote a test for.)
 */
describe('every write path records an audit entry', () => {
  const serverRoot = new URL('../../', import.meta.url).pathname;
  const sources = readdirSync(serverRoot, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.includes('testing/'))
    .map((path) => ({ path, text: readFileSync(join(serverRoot, path), 'utf8') }));

  it('finds the write use cases to check', () => {
    expect(sources.filter((s) => s.text.includes('inTransaction(')).length).toBeGreaterThan(5);
  });

  it('has recordAudit in every file that opens a transaction', () => {
    const unaudited = sources
      .filter((source) => source.text.includes('inTransaction(context') && !source.text.includes('recordAudit('))
      .map((source) => source.path);
    expect(unaudited).toEqual([]);
  });
});
