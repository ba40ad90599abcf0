-- Co-designed projects (issue 16, ADR 0032): the project and its pipeline, partnership, budget in cents, links to
-- needs and matching groups, milestones, progress reports, beneficiaries (aggregate numbers) and accompaniment.
-- Every child row belongs to one project and goes with it.
create table projects (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  summary text not null default '',
  status text not null default 'idea'
    check (status in ('idea', 'co_design', 'submitted', 'approved', 'running', 'evaluated', 'scaled_up', 'continued', 'stopped')),
  target_groups text[] not null default '{}',
  strands text[] not null default '{}',
  start_on date,
  end_on date,
  proposal_id uuid references matching_proposals (id) on delete set null,
  replica_of_project_id uuid references projects (id) on delete set null,
  -- Kept by every budget and funding write, so the list, the map and the benchmark read totals without summing lines.
  budget_cents bigint not null default 0,
  committed_cents bigint not null default 0,
  funding_kinds text[] not null default '{}',
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_on is null or start_on is null or start_on <= end_on)
);
create index projects_status_idx on projects (status, updated_at desc);
create index projects_strands_idx on projects using gin (strands);
create index projects_target_groups_idx on projects using gin (target_groups);
create index projects_funding_kinds_idx on projects using gin (funding_kinds);

create table project_districts (
  project_id uuid not null references projects (id) on delete cascade,
  district_id uuid not null references districts (id) on delete cascade,
  primary key (project_id, district_id)
);
create index project_districts_district_idx on project_districts (district_id, project_id);

create table project_transitions (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  from_status text,
  to_status text not null,
  note text not null default '',
  by_label text,
  at timestamptz not null default now()
);
create index project_transitions_project_idx on project_transitions (project_id, at);

create table project_evaluations (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  measured text not null,
  results text not null,
  decision text not null check (decision in ('scale_up', 'continue', 'stop')),
  reasons text not null,
  recorded_at timestamptz not null default now()
);
create index project_evaluations_project_idx on project_evaluations (project_id, recorded_at desc);

create table project_scale_ups (
  project_id uuid primary key references projects (id) on delete cascade,
  replica_project_id uuid references projects (id) on delete set null,
  recorded_at timestamptz not null default now()
);
create table project_scale_up_places (
  project_id uuid not null references projects (id) on delete cascade,
  municipality_code text references municipalities (istat_code),
  district_id uuid references districts (id) on delete cascade,
  check ((municipality_code is null) <> (district_id is null))
);
create index project_scale_up_places_project_idx on project_scale_up_places (project_id);

create table project_partners (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  role text not null check (role in ('lead', 'partner', 'funder', 'evaluator', 'supporter')),
  work_share_percent integer not null default 0 check (work_share_percent between 0 and 100),
  joined_on date,
  left_on date,
  unique (project_id, organization_id),
  check (left_on is null or joined_on is null or joined_on <= left_on)
);
create index project_partners_organization_idx on project_partners (organization_id);

create table project_budget_lines (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  organization_id uuid references organizations (id) on delete set null,
  category text not null check (category in ('staff', 'services', 'equipment', 'training', 'other')),
  description text not null default '',
  amount_cents bigint not null check (amount_cents >= 0),
  created_at timestamptz not null default now()
);
create index project_budget_lines_project_idx on project_budget_lines (project_id);
create index project_budget_lines_organization_idx on project_budget_lines (organization_id);

create table project_funding_sources (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  kind text not null check (kind in ('esf_plus', 'erdf', 'region', 'municipality', 'foundation', 'firm', 'social_impact_bond', 'crowdfunding', 'microcredit', 'own_funds')),
  funder_name text not null default '',
  organization_id uuid references organizations (id) on delete set null,
  committed_cents bigint not null check (committed_cents >= 0),
  spent_cents bigint not null default 0 check (spent_cents >= 0),
  created_at timestamptz not null default now()
);
create index project_funding_sources_project_idx on project_funding_sources (project_id);
create index project_funding_sources_kind_idx on project_funding_sources (kind, project_id);
create index project_funding_sources_organization_idx on project_funding_sources (organization_id);

create table project_need_links (
  project_id uuid not null references projects (id) on delete cascade,
  need_id uuid not null references needs (id) on delete cascade,
  answered_at timestamptz,
  primary key (project_id, need_id)
);

create table project_group_links (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  category_code text not null,
  target_group text,
  zone_kind text not null check (zone_kind in ('municipality', 'district', 'zoning')),
  zone_key text not null,
  zone_label text not null,
  proposal_id uuid references matching_proposals (id) on delete set null
);
create unique index project_group_links_unique_idx on project_group_links (project_id, category_code, coalesce(target_group, ''), zone_kind, zone_key);

create table project_milestones (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  kind text not null default 'milestone' check (kind in ('milestone', 'deliverable')),
  title text not null,
  due_on date not null,
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'cancelled')),
  done_on date
);
create index project_milestones_project_idx on project_milestones (project_id, due_on);

create table project_reports (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  organization_id uuid references organizations (id) on delete set null,
  period_start date not null,
  period_end date not null,
  text text not null,
  file_ids uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  check (period_start <= period_end)
);
create index project_reports_project_idx on project_reports (project_id, period_start);
create index project_reports_organization_idx on project_reports (organization_id);

-- Aggregate numbers only: how many people, never who.
create table project_beneficiaries (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  organization_id uuid references organizations (id) on delete set null,
  period text not null check (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  target_group text not null,
  municipality_code text not null references municipalities (istat_code),
  count integer not null check (count >= 0)
);
create unique index project_beneficiaries_unique_idx
  on project_beneficiaries (project_id, period, target_group, municipality_code, coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index project_beneficiaries_organization_idx on project_beneficiaries (organization_id);

create table project_mentors (
  project_id uuid primary key references projects (id) on delete cascade,
  kind text not null check (kind in ('organization', 'person')),
  organization_id uuid references organizations (id) on delete cascade,
  person_name text,
  assigned_on date not null default current_date,
  check ((kind = 'organization') = (organization_id is not null))
);
create index project_mentors_organization_idx on project_mentors (organization_id);

create table project_sessions (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  held_on date not null,
  topic text not null,
  notes text not null default ''
);
create index project_sessions_project_idx on project_sessions (project_id, held_on);

create table project_assessments (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  assessed_on date not null,
  criterion text not null check (criterion in ('sustainability', 'scalability', 'replicability')),
  score smallint not null check (score between 1 and 5),
  evidence text not null
);
create index project_assessments_project_idx on project_assessments (project_id, assessed_on);
