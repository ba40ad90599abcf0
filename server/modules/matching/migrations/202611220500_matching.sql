-- Matching (issue 7): shared-service proposals built from a gap, the organizations' answers, the agreement a proposal
-- turns into, and referrals of a need to a provider's service (closed loop). The aggregated demand and its coverage
-- are computed on the fly from needs and services (see matching.repository.ts), nothing is stored for them.

create table matching_proposals (
  id uuid primary key default gen_random_uuid(),
  district_id uuid not null references districts (id) on delete cascade,
  title text not null check (length(title) between 3 and 200),
  description text not null default '',
  -- The group the proposal answers: category × target group × zone (zone label kept as shown when it was created).
  category_code text not null,
  target_group text,
  zone_kind text not null check (zone_kind in ('municipality', 'district', 'zone')),
  zone_key text not null,
  zone_label text not null,
  people_covered integer not null check (people_covered >= 0),
  -- How many requesting organizations must answer "interested" before the coordinator may make it an agreement.
  join_threshold integer not null check (join_threshold >= 1),
  status text not null default 'open' check (status in ('open', 'agreed', 'withdrawn')),
  created_by_label text not null,
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index matching_proposals_district_idx on matching_proposals (district_id, created_at desc);

-- Requesters (organizations with open needs in the group) and candidate providers (ranked, with the score's parts).
create table matching_proposal_parties (
  proposal_id uuid not null references matching_proposals (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  role text not null check (role in ('requester', 'provider')),
  service_id uuid references services (id) on delete set null,
  rank integer,
  score real,
  score_details jsonb,
  people_count integer,
  cost_share numeric(12, 2),
  response text not null default 'pending' check (response in ('pending', 'interested', 'not_interested')),
  comment text not null default '',
  responded_at timestamptz,
  primary key (proposal_id, organization_id, role)
);
create index matching_proposal_parties_organization_idx on matching_proposal_parties (organization_id);

create table matching_agreements (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null unique references matching_proposals (id) on delete cascade,
  district_id uuid not null references districts (id) on delete cascade,
  title text not null,
  notes text not null default '',
  organization_ids uuid[] not null,
  provider_service_id uuid references services (id) on delete set null,
  created_by_label text not null,
  created_at timestamptz not null default now()
);

create table referrals (
  id uuid primary key default gen_random_uuid(),
  district_id uuid not null references districts (id) on delete cascade,
  referring_organization_id uuid not null references organizations (id) on delete cascade,
  service_id uuid not null references services (id) on delete cascade,
  provider_organization_id uuid not null references organizations (id) on delete cascade,
  need_id uuid references needs (id) on delete set null,
  -- Least personal data: a person or a group, how many, the category and the municipality; no names.
  subject_kind text not null check (subject_kind in ('person', 'group')),
  people_count integer not null default 1 check (people_count >= 1),
  category_code text not null,
  municipality_code text not null references municipalities (istat_code),
  status text not null default 'sent'
    check (status in ('sent', 'accepted', 'declined', 'info_requested', 'served', 'not_served')),
  status_reason text not null default '',
  sent_at timestamptz not null default now(),
  -- First answer of the provider (accepted, declined or info requested): the "time to answer" of the reports.
  first_answered_at timestamptz,
  closed_at timestamptz,
  -- The day the last reminder was queued: never two reminders on the same day.
  last_reminded_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index referrals_district_idx on referrals (district_id, status);
create index referrals_referring_idx on referrals (referring_organization_id);
create index referrals_provider_idx on referrals (provider_organization_id, status);

-- The free-text details, apart: readable only by the referring organization and the provider (not coordinators).
create table referral_details (
  referral_id uuid primary key references referrals (id) on delete cascade,
  details text not null
);

-- Every state change, timestamped (the audit log has the before/after too; this is the timeline users read).
create table referral_events (
  id bigint generated always as identity primary key,
  referral_id uuid not null references referrals (id) on delete cascade,
  from_status text,
  to_status text not null,
  note text not null default '',
  actor_label text not null,
  at timestamptz not null default now()
);
create index referral_events_referral_idx on referral_events (referral_id, id);
