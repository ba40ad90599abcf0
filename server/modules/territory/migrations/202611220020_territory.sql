-- Territory: the ISTAT list of municipalities (2020) reconciled with the Openpolis boundaries (2023.1).
-- Reference data, loaded by the territory import (idempotent upserts); every other module points at it.

create table regions (
  code text primary key check (code ~ '^\d{2}$'),
  name text not null,
  -- [west, south, east, north] in degrees, from the region's municipalities
  bbox double precision[] check (bbox is null or cardinality(bbox) = 4)
);

create table provinces (
  code text primary key check (code ~ '^\d{3}$'),
  name text not null,
  abbreviation text not null,
  region_code text not null references regions (code),
  bbox double precision[] check (bbox is null or cardinality(bbox) = 4)
);
create index provinces_region_idx on provinces (region_code);

create table municipalities (
  istat_code text primary key check (istat_code ~ '^\d{6}$'),
  name text not null,
  -- foldForSearch(name), computed in TypeScript so the stored key and the typed query fold the same way.
  -- Collation "C" gives the same order on PGlite and on any PostgreSQL server whatever its locale, which the
  -- keyset cursors rely on.
  name_folded text collate "C" not null,
  cadastral_code text,
  province_code text not null references provinces (code),
  -- Resident population at the 2011 census; null for municipalities created after the 2020 list.
  population integer check (population is null or population >= 0),
  -- Representative point: pole of inaccessibility of the largest polygon, always inside the municipality.
  point_lat double precision,
  point_lng double precision,
  bbox double precision[] check (bbox is null or cardinality(bbox) = 4),
  -- GeoJSON geometry (Polygon or MultiPolygon), coordinates rounded to 5 decimals (about 1 m).
  boundary jsonb,
  -- Why the two sources disagree about this municipality, when they do.
  reconciliation_note text,
  check ((point_lat is null) = (point_lng is null))
);
-- Substring and typo-tolerant search (like '%q%', similarity operators). fastupdate off: a bulk import would
-- otherwise leave every new entry in the GIN pending list, which each search scans linearly until a vacuum
-- cleans it, and the embedded PGlite has no autovacuum (measured: 10-20 ms per search instead of ~1 ms).
create index municipalities_name_trgm_idx on municipalities using gin (name_folded gin_trgm_ops) with (fastupdate = off);
-- Prefix search (like 'q%') and the (name, code) keyset order.
create index municipalities_name_prefix_idx on municipalities (name_folded text_pattern_ops, istat_code);
create index municipalities_province_idx on municipalities (province_code);
create index municipalities_point_idx on municipalities (point_lat, point_lng);

-- One row per import run, with the report shown to administrators (counts and reconciliation).
create table territory_imports (
  id bigint generated always as identity primary key,
  imported_at timestamptz not null default now(),
  report jsonb not null
);
