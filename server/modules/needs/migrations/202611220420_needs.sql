-- The register of needs (issue 6): what an organization (or an anonymous resident) needs, for whom and where.
-- Needs come from survey answers (source 'survey', one per answered need-producing item, replaced when the response
-- is edited) or are entered by hand. The matching of needs to services (issue 7) reads this table.
create table needs (
  id uuid primary key default gen_random_uuid(),
  district_id uuid references districts (id) on delete set null,
  organization_id uuid references organizations (id) on delete set null,   -- null: an anonymous resident
  category_code text not null,                                             -- a services taxonomy term code
  target_group text not null,                                              -- common/domain/services.ts TARGET_GROUPS
  municipality_code text not null references municipalities (istat_code),
  people_count integer not null default 1 check (people_count >= 1),
  relevance smallint check (relevance between 1 and 5),
  source text not null check (source in ('survey', 'manual')),
  survey_response_id uuid references survey_responses (id) on delete cascade,
  survey_question_id uuid references survey_questions (id) on delete cascade,
  survey_item_code text,
  description text not null default '',
  expressed_on date not null default current_date,
  status text not null default 'open'
    check (status in ('open', 'answered_by_service', 'answered_by_project', 'closed')),
  answered_by_service_id uuid references services (id) on delete set null,
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (source = 'manual' or survey_response_id is not null)
);
create index needs_register_idx on needs (status, category_code, municipality_code);
create index needs_district_idx on needs (district_id, status);
create index needs_organization_idx on needs (organization_id);
create index needs_response_idx on needs (survey_response_id);
