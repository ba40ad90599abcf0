-- What the zonings module publishes for other modules to read (issue 12: every table has one owner; another module
-- reads only what the owner publishes). A zone's labels with its zoning's: a district defined by a reference zone
-- shows which one. A plain view, inlined by the planner. (zone_areas, a zone's municipalities, is matching's.)
create view zone_labels as
  select z.id as zone_id, z.code as zone_code, z.name as zone_name, zg.id as zoning_id, zg.name as zoning_name
  from zones z
  join zonings zg on zg.id = z.zoning_id;
