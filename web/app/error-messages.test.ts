import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '../../common/contracts/error-codes';
import { FIELD_REASONS } from '../../common/contracts/errors';
import { ApiError } from './api-client';
import { describeError, fieldText } from './error-messages';
import { RESOURCES } from './i18n/i18n';

// The translations are composed from the web modules' registry, which loads the home page eagerly; the design kit it
// uses does not load under Node, and no page is rendered here (as in web-modules.test.ts).
vi.mock('../modules/home/home-page', () => ({ HomePage: () => null }));

function textAt(root: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), root);
}

async function translator(language: 'it' | 'en'): Promise<TFunction> {
  const instance = createInstance();
  await instance.init({ resources: RESOURCES, lng: language, fallbackLng: false, interpolation: { escapeValue: false }, showSupportNotice: false });
  return instance.t;
}

describe('every error code the server declares has a text in both languages', () => {
  // A module's new code (common/contracts/<m>.errors.ts) fails here until web/app/i18n/{it,en}.json translate it.
  it.each(ERROR_CODES)('%s', (code) => {
    for (const language of ['it', 'en'] as const) {
      const text = textAt(RESOURCES[language].translation, ['errorCodes', ...code.split('.')]);
      expect(typeof text === 'string' && text.length > 0, `${code} has no ${language} text in web/app/i18n/${language}.json (errorCodes)`).toBe(true);
    }
  });

  it.each(FIELD_REASONS)('field reason %s', (reason) => {
    for (const language of ['it', 'en'] as const) {
      const text = textAt(RESOURCES[language].translation, ['fieldReasons', reason]);
      expect(typeof text === 'string' && text.length > 0, `${reason} has no ${language} text (fieldReasons)`).toBe(true);
    }
  });
});

describe('describeError', () => {
  const closed = new ApiError({ status: 409, code: 'SURVEYS.CLOSED', message: 'This survey is closed: answers can no longer be changed' });

  it('shows a module\'s code in the interface language, never the server\'s English message', async () => {
    expect(describeError(closed, await translator('it'))).toBe('Il questionario non accetta risposte: è chiuso o non ancora aperto.');
    expect(describeError(closed, await translator('en'))).toBe('The survey does not take answers: it is closed or not open yet.');
  });

  it('falls back on the status for a code it does not know', async () => {
    const unknown = new ApiError({ status: 404, code: 'SOMETHING.NEW', message: 'gone' });
    expect(describeError(unknown, await translator('it'))).toBe('Quello che cerchi non esiste o è stato rimosso.');
  });
});

describe('fieldText', () => {
  const error = new ApiError({
    status: 422,
    code: 'COMMON.VALIDATION',
    message: 'two fields',
    fields: [
      { path: 'body.organizationId', message: 'not a current member of the district', reason: 'not-current-member' },
      { path: 'name', message: 'must not look like that' },
    ],
  });

  it('translates a known reason and keeps the server\'s words for any other', async () => {
    expect(fieldText(error, 'organizationId', await translator('it'))).toBe("L'organizzazione non è un membro attuale del distretto.");
    expect(fieldText(error, 'organizationId', await translator('en'))).toBe('The organization is not a current member of the district.');
    expect(fieldText(error, 'name', await translator('en'))).toBe('must not look like that');
    expect(fieldText(error, 'missing', await translator('en'))).toBeUndefined();
  });
});
