-- The practices base (issue 15, shared knowledge): what an organization of a district tried, what worked and what did
-- not, kept for failures as well as successes. Searched in Italian with the services module's text search
-- configurations (distretto_italian: unaccent + Italian stems; distretto_simple: unaccent, for prefixes), the same
-- configuration the services search uses, so one word finds the same forms in both.
create table practices (
  id uuid primary key default gen_random_uuid(),
  district_id uuid not null references districts (id),
  organization_id uuid not null references organizations (id),
  author_user_id uuid references users (id),
  -- The author's name as it was when they wrote it (the platform's users table is read through its functions only).
  author_name text,
  title text not null,
  what_tried text not null,
  what_worked text not null default '',
  what_did_not_work text not null default '',
  failure_cause text not null default '',
  lesson_learned text not null default '',
  resources_needed text not null default '',
  contacts text not null default '',
  territory text not null default '',
  target_group text,
  category_code text,
  outcome text not null check (outcome in ('success', 'partial', 'failure')),
  visibility text not null check (visibility in ('district', 'signed_in', 'public')),
  tags text[] not null default '{}',
  started_on date,
  ended_on date,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  -- Failures are first-class: a partial or failed practice states its cause and its lesson (common/domain/practices.ts).
  constraint practices_lesson_stated check (outcome = 'success' or (btrim(failure_cause) <> '' and btrim(lesson_learned) <> '')),
  constraint practices_dates_in_order check (ended_on is null or started_on is null or ended_on >= started_on),
  search_vector tsvector generated always as (
    setweight(to_tsvector('distretto_italian'::regconfig, title), 'A') ||
    setweight(to_tsvector('distretto_italian'::regconfig, what_tried || ' ' || territory), 'B') ||
    setweight(to_tsvector('distretto_italian'::regconfig,
      what_worked || ' ' || what_did_not_work || ' ' || failure_cause || ' ' || lesson_learned || ' ' || resources_needed), 'C') ||
    setweight(to_tsvector('distretto_simple'::regconfig, title || ' ' || what_tried || ' ' || failure_cause || ' ' || lesson_learned), 'D')
  ) stored
);

create index practices_search_idx on practices using gin (search_vector) with (fastupdate = off);
create index practices_district_idx on practices (district_id, updated_at desc);
create index practices_organization_idx on practices (organization_id);
create index practices_tags_idx on practices using gin (tags);
create index practices_updated_idx on practices (updated_at desc, id);

-- Organizations that took part besides the author's own.
create table practice_organizations (
  practice_id uuid not null references practices (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  primary key (practice_id, organization_id)
);
create index practice_organizations_organization_idx on practice_organizations (organization_id);
