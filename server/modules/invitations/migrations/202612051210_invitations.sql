-- Invitations of people to an organization (issue 11, ADR 0022): by a coordinator of a district the organization is a
-- current member of, or by an admin of the organization. Only a SHA-256 of the mailed token is stored.
create table invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id) on delete cascade,
  -- The district through which a coordinator invited (its coordinators read the mail in the outbox); null for admins.
  district_id uuid references districts (id) on delete set null,
  email text not null,
  role text not null check (role in ('organization_member', 'organization_admin')),
  token_hash text not null unique,
  invited_by_user_id uuid references users (id) on delete set null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by_user_id uuid references users (id) on delete set null,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index invitations_organization_idx on invitations (organization_id);
create index invitations_district_idx on invitations (district_id);
