-- Money in cents (common/domain/money.ts): a service's price becomes a whole number of cents, so sums and shares
-- computed from it are exact. The bound is the contract's (1,000,000 euros), well inside an integer.
alter table services
  add column cost_cents integer check (cost_cents is null or cost_cents between 0 and 100000000);
