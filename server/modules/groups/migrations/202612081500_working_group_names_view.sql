-- Published for other modules (ADR 0026, ADR 0031): a working group's name, district, status and access mode, which a
-- module linking groups (practices: the groups where a practice was discussed or that carried it) reads to name them
-- and to keep its links inside the group's district. Members, meetings, minutes and actions stay private to groups;
-- whether a reader may open a group's page is the groups module's rule (readableGroupIds in its index), not this view.
create view working_group_names as
  select id, district_id, name, status, access_mode, is_demo
  from working_groups;
