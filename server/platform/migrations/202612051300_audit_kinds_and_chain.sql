-- The audit log records reads of sensitive data and refused attempts besides writes, with where they came from,
-- and every entry is chained to the one before by a SHA-256 hash, so a deleted or edited entry is evident
-- (`distretto audit verify`, POST /api/audit/verify). ADR 0023.
alter table audit_log
  add column kind text not null default 'write' check (kind in ('write', 'read', 'refused')),
  add column source_ip inet,
  add column user_agent text check (length(user_agent) <= 500),
  add column seq bigint,
  add column prev_hash bytea,
  add column hash bytea;
create index audit_log_kind_idx on audit_log (kind, id desc);

-- The last link of the chain: one row, locked by each insert until its transaction ends, so concurrent writers
-- chain in commit order. It also tells a truncated tail from a complete chain. The app role gets no right on it.
create table audit_chain_head (
  id smallint primary key default 1 check (id = 1),
  seq bigint not null,
  hash bytea not null
);
insert into audit_chain_head (id, seq, hash) values (1, 0, decode(repeat('00', 32), 'hex'));

-- The hash of one entry: SHA-256 over its previous hash and a canonical text of its content (a jsonb array, whose
-- text form is deterministic; the time in UTC microseconds so the session's time zone cannot change it).
-- Used by the insert trigger, the backfill and the verification alike.
create function audit_log_entry_hash(entry audit_log) returns bytea language sql stable as $$
  select sha256(entry.prev_hash || convert_to(jsonb_build_array(
    entry.seq, entry.id, to_char(entry.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), entry.kind,
    entry.actor_user_id, entry.actor_label, entry.action, entry.entity_type, entry.entity_id, entry.before,
    entry.after, entry.request_id, host(entry.source_ip), entry.user_agent
  )::text, 'UTF8'))
$$;

-- Runs as the owner (security definer) so the app role needs no right on the chain head; whatever seq or hash an
-- insert carries is overwritten, and the time is the database's.
create function audit_log_chain() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
declare
  head audit_chain_head%rowtype;
begin
  update audit_chain_head set seq = seq + 1 where id = 1 returning * into head;
  new.occurred_at := now();
  new.seq := head.seq;
  new.prev_hash := head.hash;
  new.hash := audit_log_entry_hash(new);
  update audit_chain_head set hash = new.hash where id = 1;
  return new;
end;
$$;
revoke all on function audit_log_chain() from public;
revoke all on table audit_chain_head from public;
