-- Chains the entries written before the chain existed, in id order, then makes the chain columns mandatory and
-- starts chaining every new entry. The append-only trigger is lifted for this one update by the owner.
alter table audit_log disable trigger audit_log_append_only;
do $$
declare
  entry record;
  previous bytea := decode(repeat('00', 32), 'hex');
  position bigint := 0;
begin
  for entry in select id from audit_log order by id loop
    position := position + 1;
    update audit_log set seq = position, prev_hash = previous where id = entry.id;
    update audit_log as a set hash = audit_log_entry_hash(a) where a.id = entry.id returning a.hash into previous;
  end loop;
  update audit_chain_head set seq = position, hash = previous where id = 1;
end;
$$;
alter table audit_log enable trigger audit_log_append_only;
alter table audit_log
  alter column seq set not null,
  alter column prev_hash set not null,
  alter column hash set not null;
create unique index audit_log_seq_idx on audit_log (seq);
create trigger audit_log_chain before insert on audit_log for each row execute function audit_log_chain();
