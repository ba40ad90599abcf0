-- Working groups (issue 15, ADR 0031): thematic tables of a district with members (people representing organizations),
-- meetings with agenda, attendance, minutes kept in versions, decisions numbered per group and year, and actions.
create table working_groups (
  id uuid primary key default gen_random_uuid(),
  district_id uuid not null references districts (id) on delete cascade,
  name text not null,
  theme text not null default '',
  category_codes text[] not null default '{}',          -- services taxonomy term codes
  mandate text not null default '',                       -- Markdown
  status text not null default 'forming' check (status in ('forming', 'active', 'closed')),
  access_mode text not null default 'invitation' check (access_mode in ('open', 'invitation')),
  quorum_percent integer check (quorum_percent between 1 and 100),
  created_by uuid references users (id) on delete set null,
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index working_groups_district_idx on working_groups (district_id, status);

-- A person once per group (their membership's dates say when); the organization they represent.
create table working_group_members (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references working_groups (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  role text not null check (role in ('chair', 'secretary', 'member', 'observer')),
  from_on date not null,
  to_on date,
  substitute_user_id uuid references users (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  unique (group_id, user_id),
  check (to_on is null or to_on >= from_on)
);
create index working_group_members_user_idx on working_group_members (user_id);
create index working_group_members_organization_idx on working_group_members (organization_id);

create table group_meetings (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references working_groups (id) on delete cascade,
  title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  municipality_code text references municipalities (istat_code),
  address text not null default '',
  online_url text check (online_url is null or online_url ~* '^https?://'),
  agenda jsonb not null default '[]',                    -- [{ title, notes }] in order
  status text not null default 'scheduled' check (status in ('scheduled', 'held', 'cancelled')),
  sequence integer not null default 0,                    -- iCalendar SEQUENCE
  invitations_sent_at timestamptz,
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (municipality_code is not null or online_url is not null)
);
create index group_meetings_group_idx on group_meetings (group_id, starts_at);

create table group_attendance (
  meeting_id uuid not null references group_meetings (id) on delete cascade,
  member_id uuid not null references working_group_members (id) on delete cascade,
  status text not null check (status in ('present', 'absent', 'excused', 'substituted')),
  substituted_by_user_id uuid references users (id) on delete set null,
  primary key (meeting_id, member_id),
  check ((status = 'substituted') = (substituted_by_user_id is not null))
);

-- Minutes: version 1 is written as a draft and published; each correction is a new published version with its reason.
create table group_minutes_versions (
  meeting_id uuid not null references group_meetings (id) on delete cascade,
  number integer not null check (number >= 1),
  status text not null check (status in ('draft', 'published')),
  body text not null,
  reason text,
  author_user_id uuid references users (id) on delete set null,
  published_at timestamptz,
  published_by uuid references users (id) on delete set null,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (meeting_id, number),
  check ((status = 'published') = (published_at is not null))
);

-- The last number given per group and year: incremented in the deciding transaction, so numbers have no gaps.
create table group_decision_counters (
  group_id uuid not null references working_groups (id) on delete cascade,
  year integer not null,
  last_number integer not null,
  primary key (group_id, year)
);

create table group_decisions (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references working_groups (id) on delete cascade,
  meeting_id uuid not null references group_meetings (id) on delete cascade,
  year integer not null,
  number integer not null,
  title text not null,
  text text not null default '',
  created_at timestamptz not null default now(),
  unique (group_id, year, number)
);

create table group_actions (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references working_groups (id) on delete cascade,
  meeting_id uuid not null references group_meetings (id) on delete cascade,
  decision_id uuid references group_decisions (id) on delete set null,
  title text not null,
  description text not null default '',
  owner_user_id uuid not null references users (id) on delete cascade,
  owner_organization_id uuid not null references organizations (id) on delete cascade,
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'cancelled')),
  -- Overdue notices: the day of the last one, and the due date it was about (a new due date starts over).
  overdue_noticed_on date,
  overdue_noticed_due_on date,
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index group_actions_owner_idx on group_actions (owner_user_id, status);
create index group_actions_group_idx on group_actions (group_id, status, due_on);
create index group_actions_organization_idx on group_actions (owner_organization_id);

-- Secret calendar feed addresses, one per person and group; only the SHA-256 of the token is kept.
create table group_feed_tokens (
  group_id uuid not null references working_groups (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  primary key (group_id, user_id)
);
