-- The commitments dashboard pages its signatories (50 a page) and lists the first commitments late first: these two
-- indexes keep it cheap on a pact with thousands of signatories (bench/pacts.bench.ts).
-- Late first, then by due date: the order of the dashboard's commitments (the expression is the repository's statusRank).
create index pact_commitments_dashboard_idx on pact_commitments (
  pact_id,
  (case status when 'late' then 0 when 'planned' then 1 when 'on_track' then 2 when 'done' then 3 else 4 end),
  due_on
);
-- One organization's commitments in a pact, counted by status (a page of signatories, or one signatory's list).
create index pact_commitments_pact_organization_idx on pact_commitments (pact_id, organization_id, status);
-- The pact's signatory organizations (valid signatures), read from the index alone.
create index pact_signatures_signatories_idx on pact_signatures (pact_id, status, organization_id);
