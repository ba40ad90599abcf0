-- Published for other modules (ADR 0026): what matching and other readers may know of the services directory. Each view
-- is one table's columns without aggregates, so the planner inlines it and uses the table's indexes; the services
-- module keeps the tables, their private columns (contacts, search vectors, copies of places) and every write.

-- A service as an offer: who provides it, for whom, which categories, what capacity and cost, and its area district.
create view service_offers as
  select id, organization_id, name, status, category_codes, target_groups, open_to, capacity_free, capacity_unit,
    cost_kind, cost_cents, confirmed_on, service_area_district_id
  from services;

-- The municipalities a service's area names one by one.
create view service_reach_municipalities as
  select service_id, municipality_code from service_area_municipalities;

-- The places a service is given at.
create view service_reach_places as
  select service_id, location_id from service_at_locations;

-- Where each place is: its municipality and point (the (latitude, longitude) btree answers the bounding boxes).
create view service_place_points as
  select id as location_id, municipality_code, latitude, longitude from service_locations;

-- The stored supply (ADR 0018): per radius, municipality and category, kept by every service write.
create view service_supply_totals as
  select radius_km, municipality_code, category_code, service_count, unknown_capacity_count, free_capacity, oldest_confirmed_on
  from service_supply;

-- The names of the categories (taxonomy terms) in both languages.
create view service_category_labels as
  select code, label_it, label_en from service_taxonomy_terms;
