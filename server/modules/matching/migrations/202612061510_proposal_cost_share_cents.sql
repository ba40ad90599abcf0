-- Money in cents (common/domain/money.ts): a requester's cost share becomes a whole number of cents, allocated from
-- the proposal's total so the shares add up to it. bigint, as numeric(12, 2) held up to ten billion euros.
alter table matching_proposal_parties
  add column cost_share_cents bigint check (cost_share_cents is null or cost_share_cents >= 0);
