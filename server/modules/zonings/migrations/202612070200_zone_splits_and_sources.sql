-- Issue 13: real zonings. A municipality may be split between several zones of one zoning (Roma lies in three ASL):
-- each membership carries the share of the municipality's people in that zone when the source gives it (a part's
-- population over the municipality's total), and the source's note on which part it is (e.g. "Municipi 1, 2, 3").
alter table zone_municipalities drop constraint zone_municipalities_pkey;
alter table zone_municipalities add primary key (zone_id, municipality_code);
create index zone_municipalities_zoning_municipality_idx on zone_municipalities (zoning_id, municipality_code);
-- Null: the whole municipality (one zone), or a part whose share the source does not give.
alter table zone_municipalities add column share double precision check (share > 0 and share <= 1);
alter table zone_municipalities add column part_note text not null default '';

-- A zone named by Distretto rather than by the source (e.g. "Bacino 24 – Pinerolo", after its most populous
-- municipality, where the source publishes only codes).
alter table zones add column name_is_derived boolean not null default false;

-- The licence of a zoning loaded from public data (shown beside its source).
alter table zonings add column licence text not null default '';
