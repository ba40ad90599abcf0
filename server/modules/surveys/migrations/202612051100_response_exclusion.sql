-- A coordinator may exclude a response from the survey's reports (issue 11: a response of nonsense, 1e308, a test):
-- the response and its answers stay, the reports, rates and CSV leave it out. Reason and author are kept for the audit.
alter table survey_responses
  add column excluded_at timestamptz,
  add column excluded_by uuid references users (id) on delete set null,
  add column exclusion_reason text check (exclusion_reason is null or length(exclusion_reason) between 1 and 500),
  add constraint survey_responses_exclusion_reason check ((excluded_at is null) = (exclusion_reason is null));
