import { sql, type SQL } from 'drizzle-orm';
import type { PrefixTsQuery } from '../services';

// The words of the practices' search vectors (table practice_search_words, kept by a trigger: see its migration).

/** Beyond this many words under one prefix the index's own partial match is as quick as the list, and shorter. */
const MOST_WORDS_PER_PREFIX = 32;

/**
 * The Italian stems of the practices base's words that start with `prefix`, OR-ed as one tsquery, for the search's
 * Italian-only vectors (practice_search_entries): the same practices as a partial match of the words `prefix:*`
 * (every word of every practice is in the table), found through the full-text index's fast path. A prefix with no word
 * keeps the partial match (it finds nothing, at once; an empty tsquery would do the same but makes PostgreSQL print a
 * notice); one with more than MOST_WORDS_PER_PREFIX words (a prefix of two or three letters) matches the stems that
 * start with it, which misses only the words whose stem is shorter than the prefix.
 * `prefix` is made of letters and digits only (the query parser splits on anything else), so it needs no LIKE escape.
 */
export const practiceWordsStartingWith: PrefixTsQuery = (prefix: string): SQL => sql`(
  select coalesce(
    case when count(*) between 1 and ${MOST_WORDS_PER_PREFIX} then (
      select string_agg(distinct quote_literal(s.stem), ' | ')::tsquery
      from unnest(array_agg(w.word)) as v(word) cross join lateral unnest(tsvector_to_array(to_tsvector('distretto_italian', v.word))) as s(stem))
    end,
    -- No word, too many, or only stop words ("nell": "nella", "nelle"), which have no stem.
    to_tsquery('distretto_simple', ${`${prefix}:*`}))
  from (select word from practice_search_words where word like ${`${prefix}%`} order by word limit ${MOST_WORDS_PER_PREFIX + 1}) w)`;
