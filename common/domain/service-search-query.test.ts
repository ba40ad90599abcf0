import { describe, expect, it } from 'vitest';
import { correctWord, editDistance, placeLookupWords, QUERY_WORD_LIMIT, understandServiceQuery } from './service-search-query';

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

/*
 * The word tables, pinned entry by entry: each row is written here independently of the module, so removing or
 * mistyping one entry of the module's tables fails the row that names it.
 */
const TRANSLATIONS: [string, string][] = [
  ['elderly care', 'assistenza anziani'],
  ['care for the elderly', 'assistenza anziani'],
  ['home care', 'assistenza domiciliare'],
  ['home help', 'assistenza domiciliare'],
  ['day centre', 'centro diurno'],
  ['day center', 'centro diurno'],
  ['care home', 'rsa'],
  ['nursing home', 'rsa'],
  ['care worker', 'badante'],
  ['family care worker', 'badante'],
  ['summer camp', 'centro estivo'],
  ['after school', 'doposcuola'],
  ['homework help', 'aiuto compiti'],
  ['food aid', 'aiuti alimentari'],
  ['food bank', 'aiuti alimentari'],
  ['social transport', 'trasporto sociale'],
  ['work life balance', 'conciliazione'],
  ['work-life balance', 'conciliazione'],
  ['nursery', 'asilo nido'],
  ['kindergarten', 'asilo nido'],
  ['daycare', 'asilo nido'],
  ['childcare', 'infanzia'],
  ['elderly', 'anziani'],
  ['seniors', 'anziani'],
  ['children', 'bambini'],
  ['kids', 'bambini'],
  ['disability', 'disabilita'],
  ['disabled', 'disabili'],
  ['psychologist', 'psicologo'],
  ['counselling', 'supporto psicologico'],
  ['job', 'lavoro'],
  ['jobs', 'lavoro'],
  ['work', 'lavoro'],
  ['housing', 'casa'],
  ['transport', 'trasporto'],
  ['telecare', 'telesoccorso'],
  ['babysitter', 'baby sitting'],
  ['asilo', 'asilo nido'],
  ['colf', 'badante'],
  ['casa di riposo', 'rsa'],
  ['Care Home', 'rsa'],
];

const CATEGORIES: [string, string][] = [
  ['asilo nido', 'infanzia.nidi'],
  ['nido', 'infanzia.nidi'],
  ['assistenza domiciliare', 'anziani.assistenza-domiciliare'],
  ['assistenza anziani', 'anziani'],
  ['anziani', 'anziani'],
  ['centro diurno', 'anziani.centri-diurni'],
  ['rsa', 'anziani.residenze'],
  ['badante', 'anziani.assistenza-familiare'],
  ['telesoccorso', 'anziani.teleassistenza'],
  ['centro estivo', 'infanzia.centri-estivi'],
  ['doposcuola', 'infanzia.doposcuola'],
  ['aiuto compiti', 'infanzia.doposcuola'],
  ['infanzia', 'infanzia'],
  ['bambini', 'infanzia'],
  ['disabilita', 'disabilita'],
  ['disabilità', 'disabilita'],
  ['disabili', 'disabilita'],
  ['supporto psicologico', 'salute.supporto-psicologico'],
  ['psicologo', 'salute.supporto-psicologico'],
  ['lavoro', 'lavoro'],
  ['casa', 'casa'],
  ['aiuti alimentari', 'reddito.aiuti-alimentari'],
  ['trasporto sociale', 'mobilita.trasporto-sociale'],
  ['trasporto', 'mobilita'],
  // Through a translation or a correction first.
  ['nursery', 'infanzia.nidi'],
  ['care home', 'anziani.residenze'],
  ['summer camp', 'infanzia.centri-estivi'],
  ['food bank', 'reddito.aiuti-alimentari'],
  ['telecare', 'anziani.teleassistenza'],
  ['badnate', 'anziani.assistenza-familiare'],
];

const VOCABULARY_WORDS = (
  'assistenza domiciliare anziani anziano anziana disabili disabilita bambini bambino ragazzi giovani famiglie famiglia ' +
  'centro centri diurno diurni estivo estivi asilo nido micronido doposcuola compiti aiuto sostegno scolastico ' +
  'badante badanti familiare familiari telesoccorso teleassistenza trasporto sociale visite mediche accompagnamento ' +
  'supporto psicologico psicologo psicologa caregiver ginnastica dolce attivita fisica terza eta lavoro lavorativo ' +
  'inserimento orientamento tirocinio tirocini formazione corsi curriculum emporio solidale spesa alimentari ' +
  'alimentare aiuti contributi economici affitto abitativa emergenza casa alloggio stranieri migranti welfare ' +
  'aziendale conciliazione dipendenti buoni servizi sportello residenza residenze comunita socializzazione sport ' +
  'laboratori poverta difficolta autosufficienti consultorio prevenzione microcredito housing'
).split(' ');

const INTRODUCERS = ['vicino a', 'nei pressi di', 'zona', 'near', 'in', 'a', 'ad', 'di', 'presso', 'at'];

describe('the word tables', () => {
  it.each(TRANSLATIONS)('translates “%s” into “%s”', (typed, italian) => {
    expect(understandServiceQuery(typed, []).text).toBe(italian);
    // Inside a longer query too, the words around it kept.
    expect(understandServiceQuery(`ceramica ${typed} ceramica`, []).text).toBe(`ceramica ${italian} ceramica`);
  });
  it.each(CATEGORIES)('takes “%s” for the category %s', (typed, code) => {
    expect(understandServiceQuery(typed, []).categoryCode).toBe(code);
    expect(understandServiceQuery(`${typed} ceramica`, []).categoryCode).toBeNull();
  });
  it.each(VOCABULARY_WORDS)('knows “%s”: never corrected, never looked up as a place', (word) => {
    expect(correctWord(word)).toBeNull();
    expect(placeLookupWords(word)).toEqual([]);
  });
  it.each(INTRODUCERS)('removes “%s” with the place it introduces', (introducer) => {
    expect(understandServiceQuery(`psicologo ${introducer} Pinerolo`, PLACES)).toMatchObject({ text: 'psicologo', place: { code: '001191' } });
    expect(understandServiceQuery(`${introducer} Pinerolo psicologo`, PLACES)).toMatchObject({ text: 'psicologo', place: { code: '001191' } });
  });
  it('keeps an introducer that does not stand right before the place', () => {
    expect(understandServiceQuery('a vicino Pinerolo', PLACES).text).toBe('a vicino');
    expect(understandServiceQuery('pressi di ad Pinerolo', PLACES).text).toBe('pressi di');
    expect(understandServiceQuery('aiuto a domicilio Pinerolo', PLACES).text).toBe('aiuto a domicilio');
    expect(understandServiceQuery('vicino Pinerolo', PLACES).text).toBe('vicino');
    expect(understandServiceQuery('pressi di Pinerolo', PLACES).text).toBe('pressi');
  });
  it('removes one introducer only, the first that matches', () => {
    expect(understandServiceQuery('corsi di zona Pinerolo', PLACES).text).toBe('corsi di');
    expect(understandServiceQuery('corsi a vicino a Pinerolo', PLACES).text).toBe('corsi a');
  });
});

describe('finding the place', () => {
  const MORE_PLACES = [
    { code: '001191', name: 'Pinerolo' },
    { code: '001030', name: 'Bricherasio' },
    { code: '001275', name: 'Torre Pellice' },
    { code: '009999', name: 'Torre' },
    { code: '004029', name: 'Bra' },
    { code: '103058', name: 'Re' },
    { code: '900001', name: 'Centro' },
    { code: '900002', name: 'Job' },
    { code: '900003', name: 'Rsa' },
    { code: '900004', name: 'Uno Due Tre Quattro Cinque Sei Sette' },
    { code: '900005', name: 'Uno Due Tre Quattro Cinque Sei' },
    { code: '900006', name: 'Pinerolo' },
  ];
  it('takes the last municipality when several are named, and one at the start of the query', () => {
    expect(understandServiceQuery('asilo Pinerolo Bricherasio', MORE_PLACES)).toMatchObject({ text: 'asilo nido pinerolo', place: { code: '001030' } });
    expect(understandServiceQuery('Pinerolo psicologo', MORE_PLACES)).toMatchObject({ text: 'psicologo', place: { code: '001191' } });
    expect(understandServiceQuery('Pinerolo', MORE_PLACES)).toMatchObject({ text: '', place: { code: '001191' } });
  });
  it('prefers the longer name over a shorter one inside it', () => {
    expect(understandServiceQuery('nido torre pellice', MORE_PLACES)).toMatchObject({ text: 'nido', place: { code: '001275' } });
    expect(understandServiceQuery('nido torre', MORE_PLACES)).toMatchObject({ text: 'nido', place: { code: '009999' } });
  });
  it('gives a name shared by two municipalities to the first listed', () => {
    expect(understandServiceQuery('nido pinerolo', MORE_PLACES).place?.code).toBe('001191');
  });
  it('takes a three-letter name but not a two-letter one, nor a word of the directory', () => {
    expect(understandServiceQuery('nido bra', MORE_PLACES)).toMatchObject({ text: 'nido', place: { code: '004029' } });
    expect(understandServiceQuery('nido re', MORE_PLACES)).toMatchObject({ text: 'nido re', place: null });
    expect(understandServiceQuery('nido centro', MORE_PLACES)).toMatchObject({ text: 'nido centro', place: null });
    expect(understandServiceQuery('nido job', MORE_PLACES)).toMatchObject({ text: 'nido lavoro', place: null });
    expect(understandServiceQuery('rsa', MORE_PLACES)).toMatchObject({ text: 'rsa', place: null, categoryCode: 'anziani.residenze' });
  });
  it('reads names of up to six words', () => {
    expect(understandServiceQuery('nido uno due tre quattro cinque sei', MORE_PLACES).place?.code).toBe('900005');
    expect(understandServiceQuery('nido uno due tre quattro cinque sei sette', MORE_PLACES)).toMatchObject({ place: { code: '900005' }, text: 'nido sette' });
  });
  it('finds nothing when no municipality is given', () => {
    expect(understandServiceQuery('nido Pinerolo', [])).toMatchObject({ text: 'nido pinerolo', place: null });
  });
  it('lists each lookup word once, three letters or more', () => {
    expect(placeLookupWords('nido Bra Bra re')).toEqual(['bra']);
    expect(placeLookupWords('Pinerolo pinerolo PINEROLO')).toEqual(['pinerolo']);
  });
});

describe('translation and correction together', () => {
  it('reads words between quotes and punctuation', () => {
    expect(understandServiceQuery('«asilo nido», Pinerolo!', PLACES)).toMatchObject({ text: 'asilo nido', place: { code: '001191' }, categoryCode: 'infanzia.nidi' });
    expect(placeLookupWords('«Pinerolo»')).toEqual(['pinerolo']);
  });
  it('does not repeat the word that follows a translation', () => {
    expect(understandServiceQuery('nursery nido', []).text).toBe('asilo nido');
    expect(understandServiceQuery('elderly anziani', []).text).toBe('anziani');
    expect(understandServiceQuery('home care domiciliare Pinerolo', PLACES).text).toBe('assistenza domiciliare');
    expect(understandServiceQuery('nursery asilo', []).text).toBe('asilo nido asilo nido');
  });
  it('corrects the translated words and the rest, and names the category of the corrected query', () => {
    const understood = understandServiceQuery('centro diurmo Pinerolo', PLACES);
    expect(understood).toMatchObject({ text: 'centro diurmo', correctedText: 'centro diurno', categoryCode: 'anziani.centri-diurni', place: { code: '001191' } });
    expect(understood.corrections).toEqual([{ from: 'diurmo', to: 'diurno' }]);
    expect(understandServiceQuery('anziani', [])).toMatchObject({ text: 'anziani', correctedText: 'anziani', corrections: [] });
  });
  it('corrects a four-letter word, never one with digits, and the first vocabulary word wins a tie', () => {
    expect(correctWord('caas')).toBe('casa');
    expect(correctWord('cas4')).toBeNull();
    expect(correctWord('4casa')).toBeNull();
    expect(correctWord('anziane')).toBe('anziani');
    expect(correctWord('diunro')).toBe('diurno');
  });
  it('allows two edits from seven letters exactly, one below', () => {
    expect(correctWord('badnaet')).toBe('badante');
    expect(correctWord('dinuro')).toBeNull();
  });
  it('measures with a lower limit too', () => {
    expect(editDistance('nido', 'nidoo', 1)).toBe(1);
    expect(editDistance('ab', 'ba', 1)).toBe(1);
    expect(editDistance('abcd', 'badc', 1)).toBe(2);
    expect(editDistance('abc', 'cba', 1)).toBe(2);
    expect(editDistance('ab', 'cb')).toBe(1);
    expect(editDistance('abcd', 'acbe')).toBe(2);
    expect(editDistance('', 'ab')).toBe(2);
    expect(editDistance('ab', '')).toBe(2);
    expect(editDistance('abc', 'xyz', 3)).toBe(3);
  });
});

describe('long and adversarial queries', () => {
  const fillers = (count: number) => Array.from({ length: count }, () => 'ceramica').join(' ');
  it('understand only the first sixteen words', () => {
    expect(QUERY_WORD_LIMIT).toBe(16);
    expect(understandServiceQuery(`${fillers(15)} Pinerolo`, PLACES).place?.code).toBe('001191');
    expect(understandServiceQuery(`${fillers(16)} Pinerolo`, PLACES)).toMatchObject({ place: null, text: fillers(16) });
    expect(placeLookupWords(`${fillers(16)} Pinerolo`)).toEqual(['ceramica']);
    expect(placeLookupWords(`${fillers(15)} Pinerolo`)).toEqual(['ceramica', 'pinerolo']);
  });
  it('answer a 2,000-character query with at most sixteen words and sixteen lookup words', () => {
    const distinct = Array.from({ length: 400 }, (_, index) => `w${index}x`).join(' ');
    expect(distinct.length).toBeGreaterThan(2000);
    expect(placeLookupWords(distinct)).toHaveLength(16);
    const understood = understandServiceQuery(distinct, PLACES);
    expect(understood.text.split(' ')).toHaveLength(16);
    expect(understood.corrections).toEqual([]);
    const oneWord = 'assistenza'.repeat(200);
    expect(understandServiceQuery(oneWord, PLACES)).toMatchObject({ text: oneWord, corrections: [], place: null, categoryCode: null });
    const typos = Array.from({ length: 200 }, () => 'assitenza').join(' ');
    expect(understandServiceQuery(typos, PLACES).corrections).toHaveLength(16);
  });
});
