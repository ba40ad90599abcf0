-- The euros column goes once its cents are copied: two columns for one share would drift apart.
alter table matching_proposal_parties drop column cost_share;
