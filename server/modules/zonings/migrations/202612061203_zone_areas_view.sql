-- Published for other modules (ADR 0026): each zone of a zoning with its name and municipalities, one row per
-- (zone, municipality). A plain join, inlined by the planner: a reader filtering on zoning_id and municipality_code
-- still uses zone_municipalities' primary key.
create view zone_areas as
  select zm.zoning_id, zm.zone_id, z.code as zone_code, z.name as zone_name, zm.municipality_code
  from zone_municipalities zm
  join zones z on z.id = zm.zone_id;
