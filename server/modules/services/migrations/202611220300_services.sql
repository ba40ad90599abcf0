-- Services directory (issue 4), aligned with Open Referral HSDS 3.x: service, location, service_at_location,
-- service_area, schedule, cost, eligibility, taxonomy and taxonomy_term. Ids are uuids as HSDS requires.

-- Text search configurations: Italian stemming (`anziani` → `anzian`) and a plain one, both folding accents
-- (`città` → `citta`). The plain one lets a query match the other inflections of a word through a prefix
-- (`anzian:*` finds `anziano`, which the Snowball stemmer reduces to `anzi`); see search-query.ts.
create text search configuration distretto_italian (copy = italian);
alter text search configuration distretto_italian alter mapping for hword, hword_part, word with unaccent, italian_stem;
create text search configuration distretto_simple (copy = simple);
alter text search configuration distretto_simple alter mapping for hword, hword_part, word with unaccent, simple;

create table service_taxonomies (
  id uuid primary key,
  name text not null,
  description text not null,
  uri text,
  version text
);

-- A two-level tree: top-level categories and their sub-categories, each with an Italian and an English label.
create table service_taxonomy_terms (
  id uuid primary key default gen_random_uuid(),
  taxonomy_id uuid not null references service_taxonomies (id),
  code text not null unique check (code ~ '^[a-z0-9_.-]{2,80}$'),
  parent_id uuid references service_taxonomy_terms (id),
  label_it text not null,
  label_en text not null,
  description_it text not null default '',
  position integer not null default 0,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
create index service_taxonomy_terms_parent_idx on service_taxonomy_terms (parent_id, position);

create table services (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null,
  -- foldForSearch(name), written by the repository: the key of the trigram (typo-tolerant) match.
  name_folded text not null,
  description text not null default '',
  -- Labels of categories and target groups and the provider's name, written with the row so the search vector
  -- below covers them without a join.
  search_keywords text not null default '',
  status text not null default 'active' check (status in ('active', 'suspended', 'ended')),
  how_to_access text not null default '',
  email text,
  url text,
  phone text,
  target_groups text[] not null default '{}',
  -- Codes of the service's categories and of their parents (`anziani`, `anziani.assistenza-domiciliare`), copied
  -- from service_categories so a category filter is one GIN bitmap the planner ANDs with the full-text one.
  category_codes text[] not null default '{}',
  open_to text[] not null default '{}',
  languages text[] not null default '{it}',
  eligibility_description text not null default '',
  eligibility_conditions text[] not null default '{}',
  minimum_age integer check (minimum_age is null or minimum_age between 0 and 120),
  maximum_age integer check (maximum_age is null or maximum_age between 0 and 120),
  cost_kind text not null default 'free' check (cost_kind in ('free', 'fee', 'means_tested')),
  cost_amount numeric(10, 2) check (cost_amount is null or cost_amount >= 0),
  cost_description text not null default '',
  capacity_total integer check (capacity_total is null or capacity_total >= 0),
  capacity_free integer check (capacity_free is null or capacity_free >= 0),
  capacity_unit text check (capacity_unit is null or capacity_unit in ('places', 'hours')),
  capacity_period text check (capacity_period is null or capacity_period in ('day', 'week', 'month', 'year')),
  -- The day the provider last confirmed the whole record (capacity included): HSDS `assured_date`.
  confirmed_on date not null default current_date,
  -- Served area: a district (all its municipalities), else the listed municipalities, else where its locations are.
  service_area_district_id uuid references districts (id),
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_vector tsvector generated always as (
    setweight(to_tsvector('distretto_italian'::regconfig, name), 'A') ||
    setweight(to_tsvector('distretto_italian'::regconfig, search_keywords), 'B') ||
    setweight(to_tsvector('distretto_italian'::regconfig, description), 'C') ||
    setweight(to_tsvector('distretto_simple'::regconfig, name || ' ' || search_keywords), 'D')
  ) stored,
  check (minimum_age is null or maximum_age is null or minimum_age <= maximum_age),
  check (capacity_free is null or capacity_total is null or capacity_free <= capacity_total)
);
create index services_search_idx on services using gin (search_vector) with (fastupdate = off);
-- Typo tolerance on short queries. fastupdate off: PGlite has no autovacuum to flush a GIN pending list.
create index services_name_trgm_idx on services using gin (name_folded gin_trgm_ops) with (fastupdate = off);
create index services_organization_idx on services (organization_id);
create index services_confirmed_idx on services (confirmed_on);
create index services_area_district_idx on services (service_area_district_id) where service_area_district_id is not null;
create index services_target_groups_idx on services using gin (target_groups) with (fastupdate = off);
create index services_category_codes_idx on services using gin (category_codes) with (fastupdate = off);

create table service_categories (
  service_id uuid not null references services (id) on delete cascade,
  term_id uuid not null references service_taxonomy_terms (id),
  primary key (service_id, term_id)
);
create index service_categories_term_idx on service_categories (term_id, service_id);

create table service_area_municipalities (
  service_id uuid not null references services (id) on delete cascade,
  municipality_code text not null references municipalities (istat_code),
  primary key (service_id, municipality_code)
);
create index service_area_municipalities_code_idx on service_area_municipalities (municipality_code);

-- HSDS location: a place of the provider organization.
create table service_locations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null,
  address text not null default '',
  postal_code text,
  municipality_code text not null references municipalities (istat_code),
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180)
);
create index service_locations_point_idx on service_locations (latitude, longitude);
create index service_locations_organization_idx on service_locations (organization_id);

create table service_at_locations (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references services (id) on delete cascade,
  location_id uuid not null references service_locations (id) on delete cascade,
  unique (service_id, location_id)
);
create index service_at_locations_location_idx on service_at_locations (location_id, service_id);

-- Opening times, RRULE-style (RFC 5545 subset HSDS uses): weekly on some days, or monthly on some days of month.
create table service_schedules (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references services (id) on delete cascade,
  freq text not null check (freq in ('WEEKLY', 'MONTHLY')),
  byday text[] not null default '{}',
  bymonthday integer[] not null default '{}',
  opens_at text check (opens_at is null or opens_at ~ '^([01]\d|2[0-3]):[0-5]\d$'),
  closes_at text check (closes_at is null or closes_at ~ '^([01]\d|2[0-3]):[0-5]\d$'),
  valid_from date,
  valid_to date,
  notes text not null default '',
  position integer not null default 0
);
create index service_schedules_service_idx on service_schedules (service_id, position);
