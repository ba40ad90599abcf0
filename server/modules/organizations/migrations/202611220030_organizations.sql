-- The registry of a district's actors. This first version holds what districts and the demo need;
-- fiscal codes, people, relationships and imports come with the organizations module's own migrations.
create table organizations (
  id uuid primary key default gen_random_uuid(),
  legal_name text not null,
  short_name text,
  kind text not null,
  sector text not null check (sector in ('public', 'third_sector', 'private', 'informal')),
  municipality_code text references municipalities (istat_code),
  description text not null default '',
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organizations_municipality_idx on organizations (municipality_code);
create unique index organizations_demo_name_unique on organizations (legal_name) where is_demo;

alter table role_grants add constraint role_grants_organization_fk
  foreign key (organization_id) references organizations (id) on delete cascade;
