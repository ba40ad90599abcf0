-- Data backfill: numeric(10, 2) euros hold whole cents already, so round() only changes the type.
update services set cost_cents = round(cost_amount * 100)::integer where cost_amount is not null;
