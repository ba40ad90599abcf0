-- The full registry: identity (fiscal code, VAT number), size, activity, address and contacts, tags, status,
-- merge tombstones, a folded name for trigram matching and an Italian full-text document.
alter table organizations
  add column fiscal_code text,
  add column vat_number text,
  add column size_class text check (size_class in ('micro', 'small', 'medium', 'large')),
  add column activity_code text,
  add column address text,
  add column postal_code text,
  add column point_lat double precision,
  add column point_lng double precision,
  add column website text,
  add column email text,
  add column pec text,
  add column phone text,
  add column notes text not null default '',
  add column tags text[] not null default '{}',
  add column status text not null default 'active' check (status in ('active', 'dissolved', 'merged')),
  add column merged_into_id uuid references organizations (id),
  add column name_folded text not null default '',
  add column search_document text not null default '',
  add column search_vector tsvector generated always as (to_tsvector('italian'::regconfig, search_document)) stored;

-- Two live organizations may not share a fiscal code; a merged tombstone keeps none.
create unique index organizations_fiscal_code_unique on organizations (fiscal_code) where fiscal_code is not null;
-- Search is Italian full text over public fields (prefix on the last word). Duplicate detection compares names with
-- pg_trgm similarity() within one municipality (the municipality index narrows it to a few rows), so no trigram index.
create index organizations_search_idx on organizations using gin (search_vector) with (fastupdate = off);
create index organizations_municipality_name_idx on organizations (municipality_code, status);
create index organizations_tags_idx on organizations using gin (tags) with (fastupdate = off);
create index organizations_name_order_idx on organizations (name_folded, id);
create index organizations_kind_idx on organizations (kind);
create index organizations_sector_idx on organizations (sector);
create index organizations_point_idx on organizations (point_lat, point_lng);

-- Every saved state of an organization, for the history on its profile (the audit log has who and why).
create table organization_versions (
  organization_id uuid not null,
  version integer not null,
  snapshot jsonb not null,
  changed_by text not null,
  change text not null,
  changed_at timestamptz not null default now(),
  primary key (organization_id, version)
);

create table people (
  id uuid primary key default gen_random_uuid(),
  full_name text not null,
  email text,
  phone text,
  user_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);

create table person_roles (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  role text not null check (role in ('legal_representative', 'contact', 'member')),
  started_on date not null default current_date,
  ended_on date,
  check (ended_on is null or ended_on >= started_on)
);
create index person_roles_organization_idx on person_roles (organization_id);
create index person_roles_person_idx on person_roles (person_id);

create table organization_relationships (
  id uuid primary key default gen_random_uuid(),
  from_organization_id uuid not null references organizations (id) on delete cascade,
  to_organization_id uuid not null references organizations (id) on delete cascade,
  kind text not null check (kind in ('consortium_member', 'network_of_firms', 'tutoring', 'supplier')),
  started_on date not null default current_date,
  ended_on date,
  check (from_organization_id <> to_organization_id),
  check (ended_on is null or ended_on >= started_on)
);
create index organization_relationships_from_idx on organization_relationships (from_organization_id);
create index organization_relationships_to_idx on organization_relationships (to_organization_id);

-- Probable duplicates (no fiscal code, same municipality, similar name) waiting for a coordinator.
create table organization_duplicate_flags (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  candidate_organization_id uuid not null,
  similarity real not null,
  status text not null default 'open' check (status in ('open', 'merged', 'dismissed')),
  created_at timestamptz not null default now(),
  unique (organization_id, candidate_organization_id)
);

-- Column mappings remembered per file shape (the signature of the normalized header row).
create table organization_import_mappings (
  header_signature text primary key,
  headers jsonb not null,
  mapping jsonb not null,
  updated_at timestamptz not null default now()
);

-- One import of one file: resumable, it records how far it got in the same transaction as each batch.
create table organization_imports (
  id uuid primary key default gen_random_uuid(),
  file_name text not null,
  content_sha256 text not null,
  mapping jsonb not null,
  total_rows integer not null,
  -- Resuming must cut the file at the same places as the first run, so the end state is the same.
  batch_size integer not null,
  next_row integer not null default 0,
  created_count integer not null default 0,
  updated_count integer not null default 0,
  flagged_count integer not null default 0,
  rejected jsonb not null default '[]',
  status text not null default 'running' check (status in ('running', 'completed', 'failed')),
  error text,
  started_by text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create index organization_imports_content_idx on organization_imports (content_sha256, status);
