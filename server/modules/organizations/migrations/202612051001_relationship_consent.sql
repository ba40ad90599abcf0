-- A relationship names two organizations; it shows publicly only once the other organization (the "to" side, e.g.
-- the consortium an organization says it belongs to) confirmed it (ADR 0020). Relationships recorded before this rule
-- were never confirmed by that side: they wait for its admins like new ones.
alter table organization_relationships
  add column status text not null default 'pending' check (status in ('pending', 'confirmed', 'declined')),
  add column decided_at timestamptz,
  add column decided_by text;
alter table organization_relationships alter column status drop default;
create index organization_relationships_pending_idx on organization_relationships (to_organization_id) where status = 'pending';

-- Import reports quote cell values: only the user who ran the import (and platform administrators) read them.
alter table organization_imports add column started_by_user_id uuid references users (id) on delete set null;
update organization_imports i set started_by_user_id = u.id from users u where u.email = i.started_by;
