import { sql, type SQL } from 'drizzle-orm';
import type { PrefixTsQuery } from '../services';

// The words of the practices' search vectors (table practice_search_words, kept by a trigger: see its migration).

/** Beyond this many words under one prefix the index's own partial match is as quick as the list, and shorter. */
const MOST_WORDS_PER_PREFIX = 32;

/**
 * The words of the practices base that start with `prefix`, OR-ed as one tsquery: the same practices as the partial
 * match `prefix:*` (every word of every vector is in the table), found through the full-text index's fast path. A prefix
 * with no word, or with more than MOST_WORDS_PER_PREFIX, keeps the partial match (with no word it finds nothing, at
 * once; an empty tsquery would do the same but makes PostgreSQL print a notice).
 * `prefix` is made of letters and digits only (the query parser splits on anything else), so it needs no LIKE escape.
 */
export const practiceWordsStartingWith: PrefixTsQuery = (prefix: string): SQL => sql`(
  select case when count(*) between 1 and ${MOST_WORDS_PER_PREFIX} then string_agg(w.word, ' | ')::tsquery
              else to_tsquery('distretto_simple', ${`${prefix}:*`}) end
  from (select word from practice_search_words where word like ${`${prefix}%`} order by word limit ${MOST_WORDS_PER_PREFIX + 1}) w)`;
