-- Territorial pacts (issue 17): a district's pact, its versions (Markdown with numbered articles, lifecycle in
-- common/domain/pacts.ts), the signatures and acknowledgements of organizations with the SHA-256 of the exact text
-- signed, and each signatory's commitments with their updates.
create table pacts (
  id uuid primary key default gen_random_uuid(),
  district_id uuid not null references districts (id) on delete cascade,
  title text not null,
  purpose text not null default '',
  is_public boolean not null default false,
  adhesion_needs_approval boolean not null default true,
  created_by uuid references users (id) on delete set null,
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index pacts_district_idx on pacts (district_id);

create table pact_versions (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null references pacts (id) on delete cascade,
  number integer not null check (number >= 1),
  body text not null,                                     -- Markdown, articles as "## Art. N - Title"
  starts_on date not null,
  ends_on date,
  status text not null default 'draft' check (status in ('draft', 'open_for_signature', 'in_force', 'expired', 'superseded')),
  status_changed_at timestamptz not null default now(),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (pact_id, number),
  check (ends_on is null or ends_on >= starts_on)
);

-- A signature (or the acknowledgement of an amendment by an organization that signed the previous version): who, for
-- which organization, which version, when, and the SHA-256 (hex) of the exact text signed. One per organization and
-- version unless rejected (a rejected adhesion may be tried again).
create table pact_signatures (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null references pacts (id) on delete cascade,
  pact_version_id uuid not null references pact_versions (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  kind text not null check (kind in ('signature', 'acknowledgement')),
  status text not null check (status in ('valid', 'pending', 'rejected')),
  signed_by_user_id uuid references users (id) on delete set null,
  signer_name text not null,
  signed_at timestamptz not null default now(),
  text_sha256 text not null check (text_sha256 ~ '^[0-9a-f]{64}$'),
  decided_by_user_id uuid references users (id) on delete set null,
  decided_at timestamptz,
  decision_note text not null default '',
  version integer not null default 1
);
create unique index pact_signatures_one_per_organization on pact_signatures (pact_version_id, organization_id) where status <> 'rejected';
create index pact_signatures_pact_idx on pact_signatures (pact_id, signed_at);
create index pact_signatures_organization_idx on pact_signatures (organization_id);

create table pact_commitments (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null references pacts (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  text text not null,
  due_on date,
  recurrence text not null default 'none' check (recurrence in ('none', 'monthly', 'quarterly', 'yearly')),
  status text not null default 'planned' check (status in ('planned', 'on_track', 'late', 'done', 'dropped')),
  late_noticed_on date,
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (recurrence = 'none' or due_on is not null)
);
create index pact_commitments_pact_idx on pact_commitments (pact_id, status, organization_id);
create index pact_commitments_due_idx on pact_commitments (due_on) where status in ('planned', 'on_track');
create index pact_commitments_organization_idx on pact_commitments (organization_id);

create table pact_commitment_updates (
  id uuid primary key default gen_random_uuid(),
  commitment_id uuid not null references pact_commitments (id) on delete cascade,
  status text not null check (status in ('planned', 'on_track', 'late', 'done', 'dropped')),
  note text not null default '',
  written_by_user_id uuid references users (id) on delete set null,
  written_at timestamptz not null default now()
);
create index pact_commitment_updates_commitment_idx on pact_commitment_updates (commitment_id, written_at);
