-- Needs surveys (issue 6): a survey of a district (or of the whole region), its sections and questions, the
-- invitations sent to organizations as personal links, the responses and their answers.
--
-- Answers are stored one row per answered item so that a report is one GROUP BY (see docs/adr on surveys):
--   single_choice, yes_no, municipality  → item_code '' , choice_code = the option code / 'yes'|'no' / ISTAT code
--   multiple_choice                       → one row per chosen option: item_code = choice_code = option code;
--                                           "other, specify" → item_code = choice_code = 'other', text_value = text
--   scale (1–5), number                   → item_code '', number_value
--   matrix (rows × 1–5 relevance)         → one row per answered row: item_code = row code, number_value = 1..5
--   short_text, long_text                 → item_code '', text_value
create table surveys (
  id uuid primary key default gen_random_uuid(),
  district_id uuid references districts (id) on delete restrict,          -- null: a regional survey
  region_code text references regions (code),
  title text not null check (length(title) between 1 and 300),
  introduction text not null default '',
  privacy_notice text not null default '',
  opens_on date,
  closes_on date,
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  -- An open survey may also be answered through one public link (no invitation): its token's hash.
  public_link_token_hash text unique,
  -- How answers become needs: the number question whose value is the number of people concerned (else 1), the
  -- municipality question that places the need (else the organization's headquarters), the lowest matrix relevance
  -- that makes a need.
  needs_people_question_id uuid,
  needs_municipality_question_id uuid,
  needs_min_relevance smallint not null default 3 check (needs_min_relevance between 1 and 5),
  is_demo boolean not null default false,
  created_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (district_id is not null or region_code is not null),
  check (closes_on is null or opens_on is null or closes_on >= opens_on)
);
create index surveys_district_idx on surveys (district_id);

create table survey_sections (
  id uuid primary key default gen_random_uuid(),
  survey_id uuid not null references surveys (id) on delete cascade,
  position integer not null,
  title text not null default '',
  description text not null default ''
);
create index survey_sections_survey_idx on survey_sections (survey_id, position);

create table survey_questions (
  id uuid primary key default gen_random_uuid(),
  survey_id uuid not null references surveys (id) on delete cascade,
  section_id uuid not null references survey_sections (id) on delete cascade,
  position integer not null,
  -- A short stable code (q1, dipendenti, …) used as the CSV export column.
  code text not null check (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  type text not null check (type in ('single_choice', 'multiple_choice', 'scale', 'matrix', 'number', 'short_text',
                                     'long_text', 'municipality', 'yes_no')),
  label text not null check (length(label) between 1 and 1000),
  help_text text not null default '',
  is_required boolean not null default false,
  -- Type-specific settings, validated by the zod contract common/contracts/surveys.ts:
  --   options: [{code, label, needCategory?, needTargetGroup?}], allowOther (multiple_choice),
  --   rows: [{code, label, needCategory?, needTargetGroup?}] (matrix), min, max, unit (number), scale labels.
  config jsonb not null default '{}',
  -- Shown only when another (earlier) question has this answer: {questionId, equals: 'yes' | option code}.
  condition jsonb,
  -- A question whose options or matrix rows carry needCategory/needTargetGroup turns answers into needs.
  produces_needs boolean not null default false,
  removed_at timestamptz,
  unique (survey_id, code)
);
create index survey_questions_survey_idx on survey_questions (survey_id, position);

alter table surveys add constraint surveys_needs_people_question_fk
  foreign key (needs_people_question_id) references survey_questions (id) on delete set null;
alter table surveys add constraint surveys_needs_municipality_question_fk
  foreign key (needs_municipality_question_id) references survey_questions (id) on delete set null;

create table survey_invitations (
  id uuid primary key default gen_random_uuid(),
  survey_id uuid not null references surveys (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  email text,
  -- Only the SHA-256 of the personal link's token is kept: a database leak does not let anyone answer.
  token_hash text not null unique,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  unique (survey_id, organization_id)
);

create table survey_responses (
  id uuid primary key default gen_random_uuid(),
  survey_id uuid not null references surveys (id) on delete cascade,
  invitation_id uuid unique references survey_invitations (id) on delete set null,   -- one response per token
  organization_id uuid references organizations (id) on delete set null,             -- null: public link, anonymous
  -- A public-link response is resumed with its own token (kept hashed).
  resume_token_hash text unique,
  status text not null default 'in_progress' check (status in ('in_progress', 'submitted')),
  started_at timestamptz not null default now(),
  submitted_at timestamptz,
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index survey_responses_survey_idx on survey_responses (survey_id, status);

create table survey_answers (
  response_id uuid not null references survey_responses (id) on delete cascade,
  question_id uuid not null references survey_questions (id) on delete cascade,
  item_code text not null default '',
  choice_code text,
  number_value double precision,
  text_value text,
  primary key (response_id, question_id, item_code)
);
create index survey_answers_question_idx on survey_answers (question_id, item_code);
