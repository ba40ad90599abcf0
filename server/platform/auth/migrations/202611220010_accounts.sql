-- Accounts: users with a password, server-side sessions, and role grants scoped to a district or organization.
create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  password_hash text not null,
  locale text not null default 'it' check (locale in ('it', 'en')),
  failed_login_count integer not null default 0,
  locked_until timestamptz,
  is_active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_unique on users (lower(email));

-- Only a hash of the session token is stored: a leaked table does not leak live sessions.
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text,
  ip_address text
);
create index sessions_user_idx on sessions (user_id);

create table role_grants (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('platform_admin', 'evaluator', 'district_coordinator', 'organization_admin', 'organization_member')),
  district_id uuid,
  organization_id uuid,
  created_at timestamptz not null default now(),
  check (
    (role in ('platform_admin', 'evaluator') and district_id is null and organization_id is null)
    or (role = 'district_coordinator' and district_id is not null and organization_id is null)
    or (role in ('organization_admin', 'organization_member') and organization_id is not null and district_id is null)
  )
);
create unique index role_grants_unique on role_grants (
  user_id, role,
  coalesce(district_id, '00000000-0000-0000-0000-000000000000'::uuid),
  coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid)
);
