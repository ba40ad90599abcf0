import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query';

describe('parseSearchQuery', () => {
  it('folds, drops stop words, and gives each word its stem and an inflection prefix', () => {
    const parsed = parseSearchQuery('Assistenza agli  ANZIANI della città')!;
    expect(parsed.folded).toBe('assistenza agli anziani della citta');
    expect(parsed.terms.map((alternatives) => alternatives[0]!.map((word) => word.stem))).toEqual([['assistenza'], ['anziani'], ['citta']]);
    expect(parsed.terms[1]![0]![0]).toEqual({ stem: 'anziani', prefix: 'anzian' });
    expect(parsed.isShort).toBe(false);
  });

  it('expands synonyms, including two-word phrases', () => {
    const badante = parseSearchQuery('badante')!;
    expect(badante.terms[0]!.map((words) => words.map((word) => word.stem).join(' '))).toContain('assistenza familiare');
    const phrase = parseSearchQuery('assistenza familiare')!;
    expect(phrase.terms).toHaveLength(1);
    expect(phrase.terms[0]!.map((words) => words.map((word) => word.stem).join(' '))).toContain('badante');
  });

  it('returns null when nothing searchable is left', () => {
    expect(parseSearchQuery('')).toBeNull();
    expect(parseSearchQuery('di per la')).toBeNull();
    expect(parseSearchQuery('!!!')).toBeNull();
  });
});
