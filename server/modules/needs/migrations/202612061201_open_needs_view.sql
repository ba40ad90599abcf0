-- Published for other modules (ADR 0026): the open needs, the demand matching groups and sets against the services.
-- A plain projection with a filter, so the planner inlines it into the reader's statement and keeps using
-- needs_register_idx (status, category_code, municipality_code) as if the reader had named the table.
create view open_needs as
  select id, district_id, organization_id, category_code, target_group, municipality_code, people_count, relevance,
    description, expressed_on
  from needs
  where status = 'open';
