-- Social cohesion districts: a set of municipalities, a coordinator organization and member organizations.
create table districts (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text not null default '',
  definition text not null default '',
  coordinator_organization_id uuid references organizations (id),
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table district_municipalities (
  district_id uuid not null references districts (id) on delete cascade,
  municipality_code text not null references municipalities (istat_code),
  primary key (district_id, municipality_code)
);
create index district_municipalities_municipality_idx on district_municipalities (municipality_code);

create table district_memberships (
  id uuid primary key default gen_random_uuid(),
  district_id uuid not null references districts (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  role text not null check (role in ('coordinator', 'member', 'observer')),
  started_on date not null default current_date,
  ended_on date,
  check (ended_on is null or ended_on >= started_on)
);
create index district_memberships_district_idx on district_memberships (district_id);
create index district_memberships_organization_idx on district_memberships (organization_id);

alter table role_grants add constraint role_grants_district_fk
  foreign key (district_id) references districts (id) on delete cascade;
