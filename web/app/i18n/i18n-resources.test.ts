import { describe, expect, it, vi } from 'vitest';
import { initialLanguage, RESOURCES } from './i18n';

// The home page is the one page the module registry imports eagerly; the design kit it uses does not load under Node.
vi.mock('../../modules/home/home-page', () => ({ HomePage: () => null }));

function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)(?:,[^}]*)?\}\}/g)].map((match) => match[1]!).sort();
}

function valueAt(root: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root);
}

// Every namespace the app registers (the shell's `translation` and one per module), so a new module is checked too.
describe.each(Object.keys(RESOURCES.it) as (keyof typeof RESOURCES.it)[])('translations: %s', (namespace) => {
  const it_ = RESOURCES.it[namespace];
  const en = RESOURCES.en[namespace];

  it('English has exactly the Italian keys', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(it_).sort());
  });

  it('no translation is empty and both languages use the same placeholders', () => {
    for (const key of leafKeys(it_)) {
      const italian = valueAt(it_, key);
      const english = valueAt(en, key);
      expect(typeof italian === 'string' && italian.length > 0, key).toBe(true);
      expect(typeof english === 'string' && english.length > 0, key).toBe(true);
      expect(placeholders(english as string), key).toEqual(placeholders(italian as string));
    }
  });
});

describe('initialLanguage', () => {
  it('keeps a stored supported language and falls back to Italian', () => {
    expect(initialLanguage('en')).toBe('en');
    expect(initialLanguage('it')).toBe('it');
    expect(initialLanguage('fr')).toBe('it');
    expect(initialLanguage(null)).toBe('it');
  });
});
