-- Stored supply (ADR 0018): for each radius the matching page offers, each municipality and each category code, the
-- active services that reach the municipality — by their area district, their area municipalities, a place in the
-- municipality or a place within the radius of its representative point — each service counted once, with their free
-- places and the oldest confirmation. The matching page then reads about 50,000 stored rows at regional scale instead
-- of measuring 3.6 million (municipality, place) distances per request (10 s on PostgreSQL at Piemonte scale).
--
-- Written only by server/modules/services/service-supply.repository.ts, in the transaction of the write that changes
-- a service, its places or its area: the service's contribution where it reached before is subtracted and its
-- contribution where it reaches now is added (a key is recomputed from the services when its oldest confirmation
-- may have left); a district's area change recomputes the municipalities that joined or left it;
-- `distretto services rebuild-supply` recomputes everything after writes that bypass the use cases (bulk loads).
create table service_supply (
  radius_km smallint not null,
  municipality_code text not null references municipalities (istat_code),
  category_code text not null,
  -- Rows reaching 0 are deleted in the same statement batch; no check constraint, because a write adds its deltas
  -- with INSERT … ON CONFLICT, whose proposed row (the delta) is checked before it meets the stored one.
  service_count integer not null,
  -- Services that do not state their free places: counted in service_count, not in free_capacity.
  unknown_capacity_count integer not null,
  free_capacity bigint not null,
  oldest_confirmed_on date,
  primary key (radius_km, municipality_code, category_code)
);

-- A key's recomputation looks up the services with a place in the municipality.
create index service_locations_municipality_idx on service_locations (municipality_code);

-- Backfill for a database that already has services (the same rule as the rebuild; an empty table otherwise).
insert into service_supply (radius_km, municipality_code, category_code, service_count, unknown_capacity_count, free_capacity, oldest_confirmed_on)
select r.radius_km, reach.municipality_code, code, count(*)::int, (count(*) filter (where s.capacity_free is null))::int,
       coalesce(sum(s.capacity_free), 0), min(s.confirmed_on)
from (values (0), (5), (10), (20)) r(radius_km)
cross join lateral (
  select m.istat_code as municipality_code, sal.service_id
  from municipalities m
  join service_locations l
    on l.latitude between m.point_lat - r.radius_km / 111.0 and m.point_lat + r.radius_km / 111.0
  join service_at_locations sal on sal.location_id = l.id
  where r.radius_km > 0 and m.point_lat is not null
    -- The haversine of server/platform/db/geo-sql.ts, written out (a migration never changes with the code).
    and 2 * 6371.0088 * asin(sqrt(
          power(sin(radians(l.latitude - m.point_lat) / 2), 2)
          + cos(radians(m.point_lat)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - m.point_lng) / 2), 2))) <= r.radius_km
  union
  select dm.municipality_code, s.id from district_municipalities dm join services s on s.service_area_district_id = dm.district_id
  union
  select sam.municipality_code, sam.service_id from service_area_municipalities sam
  union
  select l.municipality_code, sal.service_id from service_locations l join service_at_locations sal on sal.location_id = l.id
) reach
join services s on s.id = reach.service_id and s.status = 'active'
cross join lateral unnest(s.category_codes) as code
group by r.radius_km, reach.municipality_code, code;
