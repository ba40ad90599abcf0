import { describe, expect, it } from 'vitest';
import { correctWord, editDistance, placeLookupWords, understandServiceQuery } from './service-search-query';

const PLACES = [
  { code: '001191', name: 'Pinerolo' },
  { code: '001275', name: 'Torre Pellice' },
  { code: '001307', name: 'Villar Perosa' },
  { code: '001184', name: 'Perosa Argentina' },
  { code: '999001', name: 'Casa' },
  { code: '001999', name: "Sant'Antonino di Susa" },
];

describe('a municipality named in the query', () => {
  it('is removed from the text and becomes the place', () => {
    const understood = understandServiceQuery('asilo nido Pinerolo', PLACES);
    expect(understood.place).toEqual({ code: '001191', name: 'Pinerolo' });
    expect(understood.text).toBe('asilo nido');
  });
  it('takes the words that introduce it with it', () => {
    expect(understandServiceQuery('assistenza anziani vicino a Pinerolo', PLACES)).toMatchObject({ text: 'assistenza anziani', place: { code: '001191' } });
    expect(understandServiceQuery('psicologo a Pinerolo', PLACES).text).toBe('psicologo');
    expect(understandServiceQuery('centro diurno nei pressi di Pinerolo', PLACES).text).toBe('centro diurno');
  });
  it('prefers the longest name, with accents, case and apostrophes folded', () => {
    expect(understandServiceQuery('ginnastica TORRE PELLICE', PLACES)).toMatchObject({ text: 'ginnastica', place: { code: '001275' } });
    expect(understandServiceQuery('nido perosa argentina', PLACES).place?.code).toBe('001184');
    expect(understandServiceQuery('nido villar perosa', PLACES).place?.code).toBe('001307');
    expect(understandServiceQuery('doposcuola sant antonino di susa', PLACES)).toMatchObject({ text: 'doposcuola', place: { code: '001999' } });
  });
  it('does not take a common word for a place', () => {
    expect(understandServiceQuery('casa', PLACES)).toMatchObject({ place: null, text: 'casa' });
    expect(understandServiceQuery('assistenza anziani', PLACES).place).toBeNull();
  });
  it('lists the words to look places up by, without the vocabulary or short words', () => {
    expect(placeLookupWords('Assistenza anziani a Pinerolo')).toEqual(['pinerolo']);
    expect(placeLookupWords('nido Torre Pellice')).toEqual(['torre', 'pellice']);
  });
});

describe('English and common words', () => {
  it('become the directory’s Italian words', () => {
    expect(understandServiceQuery('elderly care', []).text).toBe('assistenza anziani');
    expect(understandServiceQuery('home care', []).text).toBe('assistenza domiciliare');
    expect(understandServiceQuery('nursery', []).text).toBe('asilo nido');
    expect(understandServiceQuery('day centre elderly', []).text).toBe('centro diurno anziani');
    expect(understandServiceQuery('asilo', []).text).toBe('asilo nido');
    expect(understandServiceQuery('asilo nido', []).text).toBe('asilo nido');
  });
  it('name a category when the whole query is one', () => {
    expect(understandServiceQuery('nursery', []).categoryCode).toBe('infanzia.nidi');
    expect(understandServiceQuery('home care', []).categoryCode).toBe('anziani.assistenza-domiciliare');
    expect(understandServiceQuery('elderly care', []).categoryCode).toBe('anziani');
    expect(understandServiceQuery('centro diurno Pinerolo', PLACES).categoryCode).toBe('anziani.centri-diurni');
    expect(understandServiceQuery('centro diurno ceramica', []).categoryCode).toBeNull();
  });
});

describe('typos', () => {
  it('are corrected towards the vocabulary, always', () => {
    const understood = understandServiceQuery('assitenza anzani', []);
    expect(understood.text).toBe('assitenza anzani');
    expect(understood.correctedText).toBe('assistenza anziani');
    expect(understood.corrections).toEqual([{ from: 'assitenza', to: 'assistenza' }, { from: 'anzani', to: 'anziani' }]);
    expect(understood.categoryCode).toBe('anziani');
  });
  it('allow one edit up to six letters and two from seven', () => {
    expect(correctWord('bandante')).toBe('badante');
    expect(correctWord('anzani')).toBe('anziani');
    expect(correctWord('nidoo')).toBe('nido');
    expect(correctWord('asillo')).toBe('asilo');
    expect(correctWord('telesocorso')).toBe('telesoccorso');
    expect(correctWord('domicigliare')).toBe('domiciliare');
    expect(correctWord('sprot')).toBe('sport');
    expect(correctWord('xyzabc')).toBeNull();
    expect(correctWord('spazio')).toBeNull();
  });
  it('leave known, short and numeric words alone', () => {
    expect(correctWord('anziani')).toBeNull();
    expect(correctWord('nid')).toBeNull();
    expect(correctWord('10064')).toBeNull();
    expect(understandServiceQuery('ceramica', []).corrections).toEqual([]);
  });
  it('measure edits with transpositions and stop above the limit', () => {
    expect(editDistance('anziani', 'anziani')).toBe(0);
    expect(editDistance('nadie', 'nidae')).toBe(2);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abc', 'abcd')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
