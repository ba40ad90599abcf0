import { describe, expect, it } from 'vitest';
import { languageNames } from './service-labels';

describe('languageNames', () => {
  it("names a service's languages in the reader's language, never by their codes", () => {
    expect(languageNames(['it', 'en'], 'it')).toBe('italiano, inglese');
    expect(languageNames(['it', 'fr'], 'en')).toBe('Italian, French');
  });
});
