-- Membership by consent (ADR 0020): a district invites an organization (its admins accept or decline) or an
-- organization asks to join (the district's coordinators accept or decline); either side may withdraw its own pending
-- proposal. Only an accepted membership, started and not ended, gives a district anything (private fields, edits,
-- scopes): that definition lives once, in the view below, and every reader uses it.
alter table district_memberships
  add column status text not null default 'accepted'
    check (status in ('invited', 'requested', 'accepted', 'declined', 'withdrawn')),
  add column requested_by text not null default 'district' check (requested_by in ('district', 'organization')),
  add column requested_at timestamptz not null default now(),
  add column decided_at timestamptz,
  add column decided_by text;
-- The rows that exist were made before consent existed (the demo seed, districts set up by administrators): they stay
-- accepted. From now on every insert says its status.
alter table district_memberships alter column status drop default;

create index district_memberships_pending_idx on district_memberships (district_id) where status in ('invited', 'requested');

create view current_district_memberships as
  select id, district_id, organization_id, role, started_on, ended_on
  from district_memberships
  where status = 'accepted' and started_on <= current_date and (ended_on is null or ended_on >= current_date);
