import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../../common/contracts/error-codes';
import { PLATFORM_ERROR_CODES } from '../../../common/contracts/errors';
import { MODULES } from '../../app';
import { AppError, registerErrorCodes, registeredErrorCodes } from './app-error';

describe('error codes declared by their module', () => {
  it('every module declares only codes under its own name, each listed for the web with the same status', () => {
    for (const module of MODULES) {
      for (const [code, status] of Object.entries(module.errorCodes ?? {})) {
        expect(code.startsWith(`${module.name.toUpperCase()}.`), `${module.name} declares ${code}`).toBe(true);
        expect(ERROR_STATUS[code as keyof typeof ERROR_STATUS], `${code} is missing from common/contracts/error-codes.ts`).toBe(status);
      }
    }
  });

  it('every code the web translates is the platform\'s or a registered module\'s, and the platform lists no module\'s code', () => {
    const moduleNames = new Set(MODULES.map((module) => module.name.toUpperCase()));
    for (const code of Object.keys(PLATFORM_ERROR_CODES)) expect(moduleNames.has(code.split('.')[0]!), code).toBe(false);
    expect(new Set(registeredErrorCodes())).toEqual(new Set(Object.keys(ERROR_STATUS)));
  });

  it('a module\'s code gets the status its module declared (the app registered the manifests)', () => {
    expect(new AppError('SURVEYS.SMALL_GROUP', 'too few').status).toBe(422);
    expect(new AppError('MATCHING.PROPOSAL_NOT_OPEN', 'closed').status).toBe(409);
    expect(new AppError('COMMON.STALE_VERSION', 'stale').status).toBe(409);
  });

  it('refuses one code declared with two statuses', () => {
    expect(() => registerErrorCodes({ 'SURVEYS.CLOSED': 410 })).toThrow(/SURVEYS.CLOSED is declared with status 409 and 410/);
  });
});
