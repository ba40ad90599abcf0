-- Extensions used across modules: trigram similarity and accent folding.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- Append-only audit log: every write in the app adds one row in the same transaction.
create table audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,
  actor_label text not null,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  request_id text
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, id desc);
create index audit_log_actor_idx on audit_log (actor_user_id, id desc);
create index audit_log_action_idx on audit_log (action, id desc);
create index audit_log_occurred_idx on audit_log (occurred_at);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();

-- Platform settings: a single row, versioned like every editable row.
create table app_settings (
  id smallint primary key default 1 check (id = 1),
  basemap_url text,
  basemap_attribution text,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
insert into app_settings (id) values (1);
