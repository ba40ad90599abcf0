import { foldForSearch } from './text';

/**
 * What a resident typed in the services search box, understood before it reaches full text: a municipality named in
 * the query becomes the "near" filter, English and common words become the directory's Italian words (and, when the
 * whole query names one, a taxonomy category), and misspelt words are corrected against the directory's vocabulary.
 * Pure: the caller passes the municipalities whose names may occur in the text.
 */

export interface PlaceName {
  code: string;
  name: string;
}

export interface Correction {
  from: string;
  to: string;
}

export interface UnderstoodQuery {
  /** The words left to search, English translated, place removed; corrections are NOT applied (see `corrections`). */
  text: string;
  /** The same words with each correction applied: what the search also looks for. */
  correctedText: string;
  corrections: Correction[];
  place: PlaceName | null;
  /** A taxonomy category the whole query names ("nursery", "asilo nido", "elderly care"). */
  categoryCode: string | null;
}

/** Words that introduce a place: removed with it ("assistenza anziani vicino a Pinerolo"). */
const PLACE_INTRODUCERS = ['vicino a', 'nei pressi di', 'zona', 'near', 'in', 'a', 'ad', 'di', 'presso', 'at'];

/** English (and a few colloquial Italian) phrases → the directory's Italian words. Folded, longest phrases first. */
export const QUERY_TRANSLATIONS: Readonly<Record<string, string>> = {
  'elderly care': 'assistenza anziani',
  'care for the elderly': 'assistenza anziani',
  'home care': 'assistenza domiciliare',
  'home help': 'assistenza domiciliare',
  'day centre': 'centro diurno',
  'day center': 'centro diurno',
  'care home': 'rsa',
  'nursing home': 'rsa',
  'care worker': 'badante',
  'family care worker': 'badante',
  'summer camp': 'centro estivo',
  'after school': 'doposcuola',
  'homework help': 'aiuto compiti',
  'food aid': 'aiuti alimentari',
  'food bank': 'aiuti alimentari',
  'social transport': 'trasporto sociale',
  'work life balance': 'conciliazione',
  nursery: 'asilo nido',
  kindergarten: 'asilo nido',
  daycare: 'asilo nido',
  childcare: 'infanzia',
  elderly: 'anziani',
  seniors: 'anziani',
  children: 'bambini',
  kids: 'bambini',
  disability: 'disabilita',
  disabled: 'disabili',
  psychologist: 'psicologo',
  counselling: 'supporto psicologico',
  job: 'lavoro',
  jobs: 'lavoro',
  work: 'lavoro',
  housing: 'casa',
  transport: 'trasporto',
  telecare: 'telesoccorso',
  babysitter: 'baby sitting',
  asilo: 'asilo nido',
  colf: 'badante',
  'casa di riposo': 'rsa',
};

/** Whole queries that name a taxonomy category (folded, after translation). */
export const CATEGORY_PHRASES: Readonly<Record<string, string>> = {
  'asilo nido': 'infanzia.nidi',
  nido: 'infanzia.nidi',
  'assistenza domiciliare': 'anziani.assistenza-domiciliare',
  'assistenza anziani': 'anziani',
  anziani: 'anziani',
  'centro diurno': 'anziani.centri-diurni',
  rsa: 'anziani.residenze',
  badante: 'anziani.assistenza-familiare',
  telesoccorso: 'anziani.teleassistenza',
  'centro estivo': 'infanzia.centri-estivi',
  doposcuola: 'infanzia.doposcuola',
  'aiuto compiti': 'infanzia.doposcuola',
  infanzia: 'infanzia',
  bambini: 'infanzia',
  disabilita: 'disabilita',
  disabili: 'disabilita',
  'supporto psicologico': 'salute.supporto-psicologico',
  psicologo: 'salute.supporto-psicologico',
  lavoro: 'lavoro',
  casa: 'casa',
  'aiuti alimentari': 'reddito.aiuti-alimentari',
  'trasporto sociale': 'mobilita.trasporto-sociale',
  trasporto: 'mobilita',
};

/** Words residents use for the services of the directory: typos are corrected towards these. Folded. */
export const SEARCH_VOCABULARY: readonly string[] = (
  'assistenza domiciliare anziani anziano anziana disabili disabilita bambini bambino ragazzi giovani famiglie famiglia ' +
  'centro centri diurno diurni estivo estivi asilo nido micronido doposcuola compiti aiuto sostegno scolastico ' +
  'badante badanti familiare familiari telesoccorso teleassistenza trasporto sociale visite mediche accompagnamento ' +
  'supporto psicologico psicologo psicologa caregiver ginnastica dolce attivita fisica terza eta lavoro lavorativo ' +
  'inserimento orientamento tirocinio tirocini formazione corsi curriculum emporio solidale spesa alimentari ' +
  'alimentare aiuti contributi economici affitto abitativa emergenza casa alloggio stranieri migranti welfare ' +
  'aziendale conciliazione dipendenti buoni servizi sportello residenza residenze comunita socializzazione sport ' +
  'laboratori poverta difficolta autosufficienti consultorio prevenzione microcredito housing'
).split(' ');

const VOCABULARY = new Set(SEARCH_VOCABULARY);

/**
 * The bound on the work one query may cause, whatever it holds (the contract allows 200 characters, which may be a
 * hundred one-letter words): only the first 16 words are understood, so at most 16 words are looked up as places
 * (in runs of up to 6 words: under a hundred map look-ups, and at most 16 municipality prefixes sent to the database),
 * translated (runs of up to 4), and corrected (16 × the vocabulary's ~130 words). A long word costs no distance matrix:
 * `editDistance` answers at once when the lengths differ by more than the allowed edits. A resident's query is a few
 * words; the words after the 16th are not searched.
 */
export const QUERY_WORD_LIMIT = 16;

export function searchTokens(text: string): string[] {
  return foldForSearch(text)
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let rowMin = i; // the row's first cell, so an empty `b` measures `a.length`
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      // Two adjacent letters swapped; in the first row or column one of them is outside its string (undefined): none.
      if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** The vocabulary word a misspelt word means: one edit for 4–6 letters, two from 7; `null` when known or too far. */
export function correctWord(word: string): string | null {
  if (word.length < 4 || VOCABULARY.has(word) || /\d/.test(word)) return null;
  const max = word.length >= 7 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = max + 1;
  for (const candidate of SEARCH_VOCABULARY) {
    const distance = editDistance(word, candidate, max);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function placeKey(name: string): string {
  return searchTokens(name).join(' ');
}

/**
 * The municipality named in the tokens: the longest run of words equal to a place's name (the last one when
 * several), with the words that introduce it. A one-word name that is also a vocabulary or translated word
 * ("casa") is not taken for a place.
 */
function findPlace(tokens: string[], places: readonly PlaceName[]): { place: PlaceName; start: number; end: number } | null {
  const byKey = new Map<string, PlaceName>();
  // Two municipalities of the same name: the first given wins (the caller lists the most populous first).
  for (const place of places) if (!byKey.has(placeKey(place.name))) byKey.set(placeKey(place.name), place);
  let found: { place: PlaceName; start: number; end: number } | null = null;
  for (let length = Math.min(6, tokens.length); length >= 1 && !found; length -= 1) {
    for (let start = tokens.length - length; start >= 0; start -= 1) {
      const key = tokens.slice(start, start + length).join(' ');
      const place = byKey.get(key);
      if (!place) continue;
      if (length === 1 && (key.length < 3 || VOCABULARY.has(key) || key in QUERY_TRANSLATIONS || key in CATEGORY_PHRASES)) continue;
      found = { place, start, end: start + length };
      break;
    }
  }
  if (!found) return null;
  const before = tokens.slice(0, found.start);
  for (const introducer of PLACE_INTRODUCERS) {
    const words = introducer.split(' ');
    if (before.slice(-words.length).join(' ') === introducer) {
      found.start -= words.length;
      break;
    }
  }
  return found;
}

function translate(tokens: string[]): string[] {
  const out: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    let matched = false;
    for (let length = Math.min(4, tokens.length - index); length >= 1; length -= 1) {
      const phrase = tokens.slice(index, index + length).join(' ');
      const italian = QUERY_TRANSLATIONS[phrase];
      if (italian === undefined) continue;
      // "asilo nido" stays itself: a translation never repeats the word that follows it ("elderly anziani": "anziani").
      const words = italian.split(' ');
      out.push(...words);
      index += length;
      if (tokens[index] === words[words.length - 1]) index += 1;
      matched = true;
      break;
    }
    if (!matched) {
      out.push(tokens[index]!);
      index += 1;
    }
  }
  return out;
}

/** Understands a typed query against the municipalities that may be named in it. */
export function understandServiceQuery(typed: string, places: readonly PlaceName[]): UnderstoodQuery {
  let tokens = searchTokens(typed).slice(0, QUERY_WORD_LIMIT);
  const found = findPlace(tokens, places);
  if (found) tokens = [...tokens.slice(0, found.start), ...tokens.slice(found.end)];
  const words = translate(tokens);
  const corrections: Correction[] = [];
  const corrected = words.map((word) => {
    const to = correctWord(word);
    if (to === null) return word;
    corrections.push({ from: word, to });
    return to;
  });
  const correctedText = corrected.join(' ');
  return {
    text: words.join(' '),
    correctedText,
    corrections,
    place: found?.place ?? null,
    categoryCode: CATEGORY_PHRASES[correctedText] ?? null,
  };
}

/** The one-word candidates for a place name in a query (≥ 3 letters): what to look municipalities up by. */
export function placeLookupWords(typed: string): string[] {
  const words = searchTokens(typed).slice(0, QUERY_WORD_LIMIT);
  return [...new Set(words.filter((token) => token.length >= 3 && !VOCABULARY.has(token)))];
}
