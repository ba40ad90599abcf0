-- What the organizations module publishes for other modules to read (issue 12: every table has one owner; another
-- module reads only what the owner publishes). An organization's public fields: what a service card, a survey
-- invitation, a district page or an HSDS export may show of it to anyone. Never the private fields (phone, notes,
-- people), which only the organization's members and its current districts' coordinators read, through this
-- module's use cases. A plain view: the planner inlines it into the reader's query.
create view organization_public_fields as
  select id, legal_name, short_name, coalesce(short_name, legal_name) as display_name, kind, sector, size_class,
         municipality_code, description, website, email, pec, fiscal_code, vat_number, is_demo, status
  from organizations;
