-- A district is defined either as one zone of a reference zoning or as a custom set of municipalities; its
-- municipalities stay in district_municipalities either way (copied from the zone when defined by it).
alter table districts add column reference_zone_id uuid references zones (id) on delete set null;

-- Governance bodies of a district (steering group, assembly, working groups) and who sits in them, with dates.
create table district_bodies (
  id uuid primary key default gen_random_uuid(),
  district_id uuid not null references districts (id) on delete cascade,
  kind text not null check (kind in ('steering_group', 'assembly', 'working_group')),
  name text not null,
  description text not null default '',
  started_on date not null default current_date,
  ended_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ended_on is null or ended_on >= started_on)
);
create index district_bodies_district_idx on district_bodies (district_id);

create table district_body_members (
  id uuid primary key default gen_random_uuid(),
  body_id uuid not null references district_bodies (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  representative_name text not null default '',
  role text not null check (role in ('chair', 'member', 'secretary')),
  started_on date not null default current_date,
  ended_on date,
  check (ended_on is null or ended_on >= started_on)
);
create index district_body_members_body_idx on district_body_members (body_id);
