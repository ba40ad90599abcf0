-- What the districts module publishes for other modules to read (issue 12: every table has one owner; another module
-- reads only what the owner publishes). Plain views, no aggregates: the planner inlines them, so a reader's query is
-- planned on the tables and stays as fast as before. current_district_memberships (202612051000) is published too.

-- A district's public header: what a service card, a survey or a municipality page shows of it.
create view district_names as
  select id, name, is_demo, created_at
  from districts;

-- A district's area: the municipalities it covers (custom or a reference zone's, copied at definition time).
create view district_area_municipalities as
  select district_id, municipality_code
  from district_municipalities;

-- Every membership, whatever its status (ADR 0020), with the district's name: an organization's profile lists its
-- invitations, requests and past memberships. Anything granted by membership reads current_district_memberships.
create view district_membership_records as
  select ms.id as membership_id, ms.district_id, d.name as district_name, ms.organization_id, ms.role,
         ms.started_on, ms.ended_on, ms.status, ms.requested_by, ms.requested_at
  from district_memberships ms
  join districts d on d.id = ms.district_id;
