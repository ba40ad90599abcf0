-- Accounts people can manage (issue 11, ADR 0022): throttling instead of a hard lockout, sessions with an absolute
-- lifetime and a re-authentication time, password resets by single-use hashed link, optional TOTP.

-- The hard lockout could lock out anyone whose e-mail an attacker knows; login_throttles replaces it.
alter table users drop column failed_login_count;
alter table users drop column locked_until;
alter table users add column password_changed_at timestamptz;
alter table users add column deactivated_at timestamptz;

-- When the password (or a TOTP code) was last proven in this session: sensitive acts ask it again after a while.
alter table sessions add column authenticated_at timestamptz not null default now();

-- Failed sign-ins per key: 'address:<ip>', 'account:<e-mail>' (from every address) and 'account-address:<e-mail>|<ip>'.
-- Keys are built from what was typed, so an unknown e-mail is throttled exactly like a known one.
create table login_throttles (
  key text primary key,
  failures integer not null default 0,
  last_failure_at timestamptz not null default now(),
  blocked_until timestamptz
);
create index login_throttles_last_failure_idx on login_throttles (last_failure_at);

-- Only a SHA-256 of the mailed token is stored; a link works once and for a short time.
create table password_reset_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index password_reset_tokens_user_idx on password_reset_tokens (user_id);

-- Optional second factor for administrators and coordinators. The secret is needed to check codes, so it is stored
-- as is (the database is the trust boundary); last_counter refuses a code used again in its own window.
create table user_totp (
  user_id uuid primary key references users (id) on delete cascade,
  secret text not null,
  confirmed_at timestamptz,
  last_counter bigint,
  created_at timestamptz not null default now()
);

create table user_recovery_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index user_recovery_codes_user_idx on user_recovery_codes (user_id);
