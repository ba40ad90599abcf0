import { describe, expect, it, vi } from 'vitest';
import { countsWithoutPlural, withPrepositionA } from './italian-grammar';
import { RESOURCES } from './i18n';

// The home page is the one page the module registry imports eagerly; the design kit it uses does not load under Node.
vi.mock('../../modules/home/home-page', () => ({ HomePage: () => null }));

describe('withPrepositionA', () => {
  it('writes "ad" before a name that starts with "a"', () => {
    expect(withPrepositionA('Assistenza Anziani Pinerolo')).toBe('ad Assistenza Anziani Pinerolo');
    expect(withPrepositionA('airasca')).toBe('ad airasca');
    expect(withPrepositionA('Àncora')).toBe('ad Àncora');
  });
  it('writes "a" before any other name', () => {
    expect(withPrepositionA('Pinerolo')).toBe('a Pinerolo');
    expect(withPrepositionA('Emporio solidale')).toBe('a Emporio solidale');
    expect(withPrepositionA(' Cooperativa Il Sole')).toBe('a Cooperativa Il Sole');
  });
});

describe('countsWithoutPlural', () => {
  it('finds a number before a counted noun outside plural keys', () => {
    expect(countsWithoutPlural({ a: { b: '{{count}} servizi' }, c: '{{services}} servizi', d_one: '{{count}} servizio' })).toEqual(['a.b', 'c']);
  });
  it('accepts {{count}} in plural keys and numbers before words that are not counted nouns', () => {
    expect(countsWithoutPlural({ x_one: '{{count}} servizio', x_other: '{{count}} servizi', y: '{{km}} km', z: 'Comuni: {{count}}' })).toEqual([]);
  });

  // The namespaces already fixed; the others still have "{{x}} noun" texts (issue 14) and join the list as they are fixed.
  it.each(['matching', 'surveyReports', 'memberships', 'accounts', 'jobs', 'districts'] as const)('the Italian texts of %s put every counted noun in plural forms', (namespace) => {
    expect(countsWithoutPlural(RESOURCES.it[namespace])).toEqual([]);
  });
  it('the Italian formatter "a" is used in the matching texts', () => {
    expect(JSON.stringify(RESOURCES.it.matching)).toContain('Segnala {{service, a}}');
  });
});
