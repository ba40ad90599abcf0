-- Background jobs (ADR 0025): enqueued in the transaction of their cause, claimed with FOR UPDATE SKIP LOCKED by one
-- worker for a lease, retried with backoff, kept as `dead` after their last attempt. A job that succeeds is deleted:
-- the table holds only the work still to do and the failures an administrator must see, so claims scan a small index
-- (the record of what a job did is the audit log and the rows it wrote).
create table jobs (
  id bigserial primary key,
  type text not null check (length(type) between 1 and 100),
  payload jsonb not null default '{}'::jsonb,
  state text not null default 'queued' check (state in ('queued', 'running', 'dead')),
  -- While queued: the earliest time a worker may take it (its backoff after a failure).
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 5 check (max_attempts between 1 and 100),
  -- At most one live (queued or running) job per key: enqueueing it again does nothing.
  unique_key text,
  locked_by text,
  -- While running: the end of the worker's lease; after it another worker takes the job again (a killed worker).
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((state = 'running') = (locked_until is not null))
);

-- What a worker may claim: queued and due, or running with an expired lease; one index, ordered by that time.
create index jobs_claimable on jobs ((coalesce(locked_until, run_at)), id) where state <> 'dead';
create index jobs_by_state on jobs (state, updated_at desc, id desc);
create unique index jobs_live_unique_key on jobs (unique_key) where unique_key is not null and state <> 'dead';

-- A recurring schedule's periods: the first process to insert (schedule, period) enqueues its job; every other process
-- that ticks in the same period conflicts and does nothing.
create table job_schedule_runs (
  schedule_name text not null,
  period_key text not null,
  job_id bigint,
  created_at timestamptz not null default now(),
  primary key (schedule_name, period_key)
);
