-- The view every module reads for "a current member" now states its dates through the platform's one rule
-- (is_current_period, inlined by the planner); its columns are unchanged.
create or replace view current_district_memberships as
  select id, district_id, organization_id, role, started_on, ended_on
  from district_memberships
  where status = 'accepted' and is_current_period(started_on, ended_on);
