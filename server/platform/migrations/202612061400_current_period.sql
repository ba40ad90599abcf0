-- One rule for "current" (issue 12): a district membership, a role with dates, a body member is current from its start
-- day through its end day, both inclusive; common/domain/current-period.ts is the same rule for the web and use cases.
-- Plain SQL, one expression, no STRICT and no SET: the planner inlines the call, so a view or a filter built on it
-- keeps its index conditions. STABLE, not IMMUTABLE: current_date changes from one transaction to the next.
create function has_period_ended(ends_on date) returns boolean
  language sql stable parallel safe
  as $$ select ends_on is not null and ends_on < current_date $$;

create function is_current_period(starts_on date, ends_on date) returns boolean
  language sql stable parallel safe
  as $$ select starts_on <= current_date and (ends_on is null or ends_on >= current_date) $$;
