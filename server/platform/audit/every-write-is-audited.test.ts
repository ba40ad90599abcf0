import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

  /** Functions exported by a file that audits: a use case composing them (one transaction, several writes) audits through them. */
  function auditedHelpersImportedBy(source: { path: string; text: string }): string[] {
    const helpers: string[] = [];
    for (const match of source.text.matchAll(/import \{([^}]+)\} from '(\.[^']+)'/g)) {
      const imported = sources.find((other) => other.path === join(dirname(source.path), `${match[2]!}.ts`));
      if (!imported?.text.includes('recordAudit(')) continue;
      for (const name of match[1]!.split(',').map((part) => part.trim())) {
        // The helper's own body: from its declaration to the next top-level export.
        const body = new RegExp(`export async function ${name}\\([\\s\\S]*?(?=\\nexport |$)`).exec(imported.text)?.[0] ?? '';
        if (body.includes('recordAudit(')) helpers.push(name);
      }
    }
    return helpers;
  }

  it('has recordAudit in every file that opens a transaction (directly or through an imported helper that records it)', () => {
    const unaudited = sources
      .filter((source) => source.text.includes('inTransaction(context') && !source.text.includes('recordAudit('))
      .filter((source) => !auditedHelpersImportedBy(source).some((helper) => source.text.includes(`await ${helper}(tx`)))
      .map((source) => source.path);
    expect(unaudited).toEqual([]);
  });
});
