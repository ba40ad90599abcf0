-- The euros column goes once its cents are copied: two columns for one price would drift apart.
alter table services drop column cost_amount;
