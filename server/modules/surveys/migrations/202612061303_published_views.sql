-- What the surveys module publishes for other modules to read (issue 12: every table has one owner; another module
-- reads only what the owner publishes). Which survey a response belongs to: a need that came from a survey answer
-- links back to its survey. Nothing else of the response (who answered is private, ADR 0016). A plain view.
create view survey_response_surveys as
  select id as response_id, survey_id
  from survey_responses;
