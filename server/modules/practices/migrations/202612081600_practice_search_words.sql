-- Every word the practices' search vectors hold (Italian stems and unstemmed words alike), so a search expands a typed
-- prefix ("anzian") into the exact words that start with it ("anzian", "anziana", "anziani", "anziano") before it asks
-- the full-text index. A prefix given to the index as `anzian:*` is a partial match: GIN then reads and merges every
-- posting list under the prefix and cannot skip through the rarer word of the query; exact words can (issue 15's
-- benchmark: the frequent searches went from 28 to 17 ms on PostgreSQL). The expansion lives in
-- practice-search-words.repository.ts; it falls back to the partial match when a prefix has too many words.
--
-- Only plain words (letters and digits) are kept: a typed prefix is made of those only. Words are never removed when a
-- practice changes or goes: a word no practice holds any more only adds an alternative that matches nothing.
create table practice_search_words (
  word text collate "C" primary key
);

create function remember_practice_search_words() returns trigger language plpgsql as $$
begin
  insert into practice_search_words (word)
  select distinct w.word
  from changed_practices c cross join lateral unnest(tsvector_to_array(c.search_vector)) as w(word)
  where w.word ~ '^[a-z0-9]+$'
  on conflict (word) do nothing;
  return null;
end $$;

-- Per statement, not per row: a bulk insert (an import, the benchmark's 100,000 practices) adds its words in one pass.
create trigger practices_remember_search_words_on_insert after insert on practices
  referencing new table as changed_practices for each statement execute function remember_practice_search_words();
create trigger practices_remember_search_words_on_update after update on practices
  referencing new table as changed_practices for each statement execute function remember_practice_search_words();

insert into practice_search_words (word)
select distinct w.word from practices p cross join lateral unnest(tsvector_to_array(p.search_vector)) as w(word)
where w.word ~ '^[a-z0-9]+$'
on conflict (word) do nothing;
