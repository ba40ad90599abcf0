-- Data backfill: numeric(12, 2) euros hold whole cents already, so round() only changes the type.
update matching_proposal_parties set cost_share_cents = round(cost_share * 100)::bigint where cost_share is not null;
