-- "Text + N km" at 1,000,000 services (ADR 0014): the grid cells and the points of every place of a service, copied
-- onto the service row, so a distance search is one BitmapAnd of the full-text GIN index and the cells' GIN index,
-- and the exact distance reads the row it already has, instead of joining every location in the bounding box to its
-- service (measured at 1M on PostgreSQL: 45,000 candidate locations around Milano, 1.4 s cold).
--
-- Two grids in one array: fine cells of 0.1° × 0.1° (about 11 × 8 km in Italy) for radii up to 50 km, coarse cells
-- of 1° × 1° for wider ones. server/modules/services/location-cells.ts computes the same numbers for a search; a
-- test checks both agree.
create function service_point_cells(latitude double precision, longitude double precision) returns integer[]
  language sql immutable strict parallel safe
  as $$ select array[
    (floor(latitude * 10)::integer + 900) * 3601 + (floor(longitude * 10)::integer + 1800),
    10000000 + (floor(latitude)::integer + 90) * 361 + (floor(longitude)::integer + 180)] $$;

-- Written only by services.repository.ts `replaceServiceLocations` (the one writer of a service's places), in the
-- same transaction, from the locations themselves (same statement as the backfill below).
alter table services
  add column location_cells integer[] not null default '{}',
  -- The points of the service's places, in location id order (two arrays of the same length).
  add column location_latitudes double precision[] not null default '{}',
  add column location_longitudes double precision[] not null default '{}';

update services s set
  location_cells = coalesce((
    select array_agg(distinct cell order by cell)
    from service_at_locations sal
    join service_locations l on l.id = sal.location_id
    cross join lateral unnest(service_point_cells(l.latitude, l.longitude)) cell
    where sal.service_id = s.id), '{}'),
  location_latitudes = coalesce((
    select array_agg(l.latitude order by l.id)
    from service_at_locations sal join service_locations l on l.id = sal.location_id where sal.service_id = s.id), '{}'),
  location_longitudes = coalesce((
    select array_agg(l.longitude order by l.id)
    from service_at_locations sal join service_locations l on l.id = sal.location_id where sal.service_id = s.id), '{}')
where exists (select 1 from service_at_locations sal where sal.service_id = s.id);

-- fastupdate off: PGlite has no autovacuum to flush a GIN pending list.
create index services_location_cells_idx on services using gin (location_cells) with (fastupdate = off);
analyze services;
