-- Social quality labels (issue 17): schemes a district (or the region) defines, organizations' applications with
-- evidence per criterion, assessors' decisions per criterion, and awarded labels with a public code.

create table label_schemes (
  id uuid primary key default gen_random_uuid(),
  -- null: a regional scheme (platform administrators manage it).
  district_id uuid references districts (id) on delete restrict,
  name text not null,
  description text not null default '',
  threshold_score integer not null check (threshold_score >= 0),
  validity_months integer not null check (validity_months between 1 and 120),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index label_schemes_district_idx on label_schemes (district_id);

create table label_criteria (
  id uuid primary key default gen_random_uuid(),
  scheme_id uuid not null references label_schemes (id) on delete cascade,
  position integer not null,
  description text not null,
  evidence_required text not null default '',
  kind text not null check (kind in ('mandatory', 'scored')),
  max_score integer check (max_score between 1 and 100),
  check ((kind = 'scored') = (max_score is not null)),
  unique (scheme_id, position)
);

create table label_scheme_assessors (
  scheme_id uuid not null references label_schemes (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  primary key (scheme_id, user_id)
);
create index label_scheme_assessors_user_idx on label_scheme_assessors (user_id);

create table label_applications (
  id uuid primary key default gen_random_uuid(),
  scheme_id uuid not null references label_schemes (id) on delete restrict,
  organization_id uuid not null references organizations (id) on delete restrict,
  status text not null check (status in ('draft', 'submitted', 'awarded', 'rejected', 'withdrawn')),
  -- A renewal names the label it extends.
  renews_award_id uuid,
  submitted_at timestamptz,
  decided_at timestamptz,
  decision_reason text,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index label_applications_organization_idx on label_applications (organization_id);
create index label_applications_scheme_idx on label_applications (scheme_id, status);
-- One open application (draft or submitted) per organization and scheme.
create unique index label_applications_one_open on label_applications (scheme_id, organization_id) where status in ('draft', 'submitted');

create table label_evidence (
  application_id uuid not null references label_applications (id) on delete cascade,
  criterion_id uuid not null references label_criteria (id) on delete cascade,
  text text not null,
  updated_at timestamptz not null default now(),
  primary key (application_id, criterion_id)
);

create table label_decisions (
  application_id uuid not null references label_applications (id) on delete cascade,
  criterion_id uuid not null references label_criteria (id) on delete cascade,
  assessor_user_id uuid references users (id) on delete set null,
  met boolean,
  score integer,
  note text not null default '',
  decided_at timestamptz not null default now(),
  primary key (application_id, criterion_id)
);

create table label_awards (
  id uuid primary key default gen_random_uuid(),
  scheme_id uuid not null references label_schemes (id) on delete restrict,
  organization_id uuid not null references organizations (id) on delete restrict,
  -- The first application awarded; a renewal keeps the award (and its public code, so badges keep working).
  application_id uuid not null unique references label_applications (id) on delete restrict,
  last_application_id uuid not null references label_applications (id) on delete restrict,
  public_code text not null unique,
  valid_from date not null,
  valid_until date not null,
  revoked_on date,
  revocation_reason text,
  -- The last day of validity the expiry reminder was sent for (a renewal moves valid_until, so it is sent again).
  reminded_for_until date,
  version integer not null default 1,
  check (valid_until >= valid_from),
  check ((revoked_on is null) = (revocation_reason is null))
);
create index label_awards_organization_idx on label_awards (organization_id);
create index label_awards_valid_until_idx on label_awards (valid_until) where revoked_on is null;
alter table label_applications add constraint label_applications_renews_fk foreign key (renews_award_id) references label_awards (id) on delete restrict;

-- What the labels module publishes (services shows and filters by it): the organizations' labels, one row per award
-- with its dates; "valid today" is `revoked_on is null and current_date between valid_from and valid_until`.
create view organization_labels as
  select a.organization_id, a.id as award_id, a.public_code, s.name as scheme_name, a.valid_from, a.valid_until, a.revoked_on
  from label_awards a join label_schemes s on s.id = a.scheme_id;
