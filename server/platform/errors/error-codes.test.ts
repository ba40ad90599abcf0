import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, isErrorCode } from '../../../common/contracts/error-codes';
import { PLATFORM_ERROR_CODES } from '../../../common/contracts/errors';
import { MODULES } from '../../app';
import { AppError } from './app-error';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('node_modules'))
    .map((file) => join(folder, file));
}

/** A code as written in the source: `'SURVEYS.CLOSED'`, module or area, a dot, then upper-case words. */
const CODE_LITERAL = /['"`]([A-Z][A-Z0-9]*\.[A-Z][A-Z0-9_]*)['"`]/g;

/**
 * Codes and statuses have one source, the declared table (common/contracts/errors.ts for the platform,
 * common/contracts/<m>.errors.ts for each module, composed by error-codes.ts); the web translates each declared code
 * (web/app/error-messages.test.ts). Together: a code thrown anywhere has a status and an Italian and English text.
 */
describe('error codes declared by their module', () => {
  it('every code the server writes is declared (so it has a status and, by the web test, both texts)', () => {
    const undeclared: string[] = [];
    for (const file of sourceFiles('server')) {
      for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(CODE_LITERAL)) {
        if (!isErrorCode(match[1]!)) undeclared.push(`${file}: ${match[1]}`);
      }
    }
    expect(undeclared, 'declare these codes in common/contracts/<m>.errors.ts (and translate them in web/app/i18n)').toEqual([]);
  });

  it('each module declares its codes in its own file, under its own name, and the platform lists no module\'s code', () => {
    const moduleNames = new Set(MODULES.map((module) => module.name.toUpperCase()));
    for (const code of Object.keys(PLATFORM_ERROR_CODES)) expect(moduleNames.has(code.split('.')[0]!), code).toBe(false);
    const contracts = readdirSync(join(ROOT, 'common', 'contracts')).filter((file) => file.endsWith('.errors.ts'));
    for (const file of contracts) {
      const prefix = file.replace('.errors.ts', '').toUpperCase();
      expect(moduleNames.has(prefix), `${file} belongs to no module`).toBe(true);
      const declared = [...readFileSync(join(ROOT, 'common', 'contracts', file), 'utf8').matchAll(CODE_LITERAL)].map((match) => match[1]!);
      expect(declared.length, `${file} declares no code`).toBeGreaterThan(0);
      for (const code of declared) expect(code.startsWith(`${prefix}.`), `${file} declares ${code}`).toBe(true);
    }
    for (const code of Object.keys(ERROR_STATUS)) {
      const prefix = code.split('.')[0]!;
      if (!moduleNames.has(prefix)) continue;
      expect(contracts, `${code}: its module has no common/contracts/<m>.errors.ts`).toContain(`${prefix.toLowerCase()}.errors.ts`);
    }
  });

  it('a code gets the status its declaration gives, whatever modules an app mounts; an unknown one is a 500', () => {
    expect(new AppError('SURVEYS.SMALL_GROUP', 'too few').status).toBe(422);
    expect(new AppError('MATCHING.PROPOSAL_NOT_OPEN', 'closed').status).toBe(409);
    expect(new AppError('COMMON.STALE_VERSION', 'stale').status).toBe(409);
    expect(new AppError('NOBODY.DECLARED' as never, 'typo').status).toBe(500);
  });
});
