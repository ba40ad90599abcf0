import { foldForSearch } from '../../../common/domain/text';

/**
 * Synonyms for pairs the Italian stemmer cannot join (documented in docs/adr/0013): each group lists words or
 * phrases that mean the same thing to someone looking for help. A query word (or two-word phrase) found in a group
 * matches any member of the group. Keep entries folded (no accents, lower case).
 */
export const SEARCH_SYNONYMS: readonly (readonly string[])[] = [
  ['assistenza', 'assistito', 'assistiti', 'assistere'],
  ['badante', 'badanti', 'assistenza familiare', 'assistente familiare'],
  ['anziani', 'terza eta', 'over 65'],
  ['nido', 'asilo nido', 'micronido'],
  ['bambini', 'infanzia', 'minori'],
  ['giovani', 'ragazzi', 'adolescenti'],
  ['disabili', 'disabilita', 'handicap'],
  ['doposcuola', 'sostegno scolastico', 'aiuto compiti'],
  ['lavoro', 'occupazione', 'impiego'],
  ['casa', 'abitazione', 'alloggio'],
  ['psicologo', 'psicologico', 'psicologa'],
  ['trasporto', 'accompagnamento'],
  ['spesa', 'aiuti alimentari', 'pacco alimentare', 'emporio solidale'],
  ['stranieri', 'migranti', 'immigrati'],
  ['rsa', 'casa di riposo', 'residenza per anziani'],
  ['soldi', 'contributo economico', 'sussidio'],
];

/** Words too common to search on their own (articles, prepositions, conjunctions). */
const STOP_WORDS = new Set(
  ('il lo la i gli le un uno una di a da in con su per tra fra del dello della dei degli delle al allo alla ai ' +
    'agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle e ed o ' +
    'che chi non mi ti si ci vi')
    .split(' '),
);

/** One word as two tsquery parts: the Italian stem, and (for longer words) a prefix without the final vowels. */
export interface QueryWord {
  stem: string;
  /** `anzian` for `anziani` or `anziano`: Italian nouns and adjectives inflect on the final vowel. */
  prefix: string | null;
}

/** What one position of the query may match: any of the alternatives, each a sequence of words (AND). */
export type QueryTerm = QueryWord[][];

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The folded query, for the trigram (typo) match on service names. */
  folded: string;
  /** Short queries (up to 3 words, 30 characters) fall back to spelling similarity when full text finds nothing. */
  isShort: boolean;
}

function wordOf(token: string): QueryWord {
  const withoutVowels = token.replace(/[aeiou]+$/, '');
  return { stem: token, prefix: withoutVowels.length >= 4 ? withoutVowels : null };
}

function tokenize(text: string): string[] {
  return foldForSearch(text)
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0 && token.length <= 40);
}

const groupsByPhrase = new Map<string, readonly string[]>();
for (const group of SEARCH_SYNONYMS) for (const phrase of group) groupsByPhrase.set(phrase, group);

function alternativesOf(phrase: string): QueryTerm {
  const group = groupsByPhrase.get(phrase) ?? [phrase];
  return group.map((member) => tokenize(member).filter((token) => !STOP_WORDS.has(token)).map(wordOf));
}

/**
 * Turns what a visitor typed into search terms: folded, split into words, stop words dropped, each word or two-word
 * phrase expanded with its synonyms. `null` when nothing searchable is left (empty, or only stop words).
 */
export function parseSearchQuery(text: string | undefined): ParsedQuery | null {
  if (!text) return null;
  const tokens = tokenize(text).slice(0, 12);
  const terms: QueryTerm[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const pair = index + 1 < tokens.length ? `${tokens[index]} ${tokens[index + 1]}` : null;
    if (pair && groupsByPhrase.has(pair)) {
      terms.push(alternativesOf(pair));
      index += 1;
      continue;
    }
    const token = tokens[index]!;
    if (STOP_WORDS.has(token)) continue;
    terms.push(alternativesOf(token));
  }
  if (terms.length === 0) return null;
  const folded = tokens.join(' ');
  return { terms, folded, isShort: tokens.length <= 3 && folded.length <= 30 };
}

/** Words added to a service's search text for each target group, so "anziani" finds a service for older people. */
export const TARGET_GROUP_KEYWORDS: Record<string, string> = {
  children: 'bambini infanzia minori',
  young_people: 'giovani ragazzi adolescenti',
  adults: 'adulti',
  older_people: 'anziani terza età',
  families: 'famiglie genitori',
  disability: 'disabilità disabili',
  non_self_sufficiency: 'non autosufficienti non autosufficienza',
  poverty: 'povertà difficoltà economica',
  migration_background: 'stranieri migranti',
  unemployed: 'disoccupati senza lavoro',
  caregivers: 'caregiver familiari che assistono',
};
