-- What the practices search reads, one narrow row per practice: the columns its filters and visibility rule test and an
-- Italian-only search vector (stems, weighted title A, what was tried B, the rest C). The search ranks every match of
-- its words before it can show the best twenty; on the wide practices row (texts, and a vector that also holds the
-- unstemmed words for the prefix look-ups) that meant visiting nearly every page of the table for a frequent word.
-- Here the same matches fit in a third of the pages and their vectors are half as long (issue 15's benchmark:
-- "biblioteche", 19,360 readable matches of 37,510, ranked and counted in 67 instead of 150 ms on a loaded machine).
--
-- Kept by statement triggers on practices (insert and update; a deleted practice takes its row with it). The columns
-- keep the practices' names, so one filter (practices.repository.ts) reads either table. Typed prefixes still expand
-- through practice_search_words, into the Italian stems of the words found (practice-search-words.repository.ts).
create table practice_search_entries (
  id uuid primary key references practices (id) on delete cascade,
  district_id uuid not null,
  organization_id uuid not null,
  visibility text not null,
  outcome text not null,
  category_code text,
  tags text[] not null,
  updated_at timestamptz not null,
  search_vector tsvector not null
);
create index practice_search_entries_search_idx on practice_search_entries using gin (search_vector) with (fastupdate = off);
create index practice_search_entries_district_idx on practice_search_entries (district_id, updated_at desc);
create index practice_search_entries_updated_idx on practice_search_entries (updated_at desc, id);
create index practice_search_entries_tags_idx on practice_search_entries using gin (tags);

create function practice_search_vector(title text, what_tried text, territory text, what_worked text, what_did_not_work text,
    failure_cause text, lesson_learned text, resources_needed text) returns tsvector language sql immutable as $$
  select setweight(to_tsvector('distretto_italian'::regconfig, title), 'A') ||
         setweight(to_tsvector('distretto_italian'::regconfig, what_tried || ' ' || territory), 'B') ||
         setweight(to_tsvector('distretto_italian'::regconfig,
           what_worked || ' ' || what_did_not_work || ' ' || failure_cause || ' ' || lesson_learned || ' ' || resources_needed), 'C')
$$;

create function keep_practice_search_entries() returns trigger language plpgsql as $$
begin
  insert into practice_search_entries (id, district_id, organization_id, visibility, outcome, category_code, tags, updated_at, search_vector)
  select c.id, c.district_id, c.organization_id, c.visibility, c.outcome, c.category_code, c.tags, c.updated_at,
         practice_search_vector(c.title, c.what_tried, c.territory, c.what_worked, c.what_did_not_work, c.failure_cause, c.lesson_learned, c.resources_needed)
  from changed_practices c
  on conflict (id) do update set
    district_id = excluded.district_id, organization_id = excluded.organization_id, visibility = excluded.visibility,
    outcome = excluded.outcome, category_code = excluded.category_code, tags = excluded.tags, updated_at = excluded.updated_at,
    search_vector = excluded.search_vector;
  return null;
end $$;

create trigger practices_keep_search_entries_on_insert after insert on practices
  referencing new table as changed_practices for each statement execute function keep_practice_search_entries();
create trigger practices_keep_search_entries_on_update after update on practices
  referencing new table as changed_practices for each statement execute function keep_practice_search_entries();

insert into practice_search_entries (id, district_id, organization_id, visibility, outcome, category_code, tags, updated_at, search_vector)
select p.id, p.district_id, p.organization_id, p.visibility, p.outcome, p.category_code, p.tags, p.updated_at,
       practice_search_vector(p.title, p.what_tried, p.territory, p.what_worked, p.what_did_not_work, p.failure_cause, p.lesson_learned, p.resources_needed)
from practices p;
