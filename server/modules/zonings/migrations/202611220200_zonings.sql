-- Zonings: named maps of one policy domain over municipalities (health districts, social-assistance areas,
-- employment-centre areas, school areas, custom). A municipality is in at most one zone of a zoning.
create table zonings (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  domain text not null check (domain in ('health', 'social_assistance', 'employment', 'education', 'other')),
  source text not null default '',
  reference_date date,
  description text not null default '',
  -- 'partition': every municipality of region_codes is in exactly one zone; 'partial': some are in none.
  coverage text not null check (coverage in ('partition', 'partial')),
  region_codes text[] not null default '{}',
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index zonings_name_idx on zonings (lower(name));

create table zones (
  id uuid primary key default gen_random_uuid(),
  zoning_id uuid not null references zonings (id) on delete cascade,
  code text not null,
  name text not null,
  -- The body that runs the zone (health authority, social-services body, employment centre), when known.
  operating_organization_id uuid references organizations (id) on delete set null,
  version integer not null default 1,
  unique (zoning_id, code)
);

create table zone_municipalities (
  zoning_id uuid not null references zonings (id) on delete cascade,
  zone_id uuid not null references zones (id) on delete cascade,
  municipality_code text not null references municipalities (istat_code),
  primary key (zoning_id, municipality_code)
);
create index zone_municipalities_zone_idx on zone_municipalities (zone_id);
create index zone_municipalities_municipality_idx on zone_municipalities (municipality_code);
