-- Published for other modules (ADR 0026): an organization's name, public e-mail and demo mark, which anyone may read (people,
-- phone and notes stay private in the table). Matching names the parties of proposals and referrals with it.
create view organization_names as
  select id, legal_name, email, is_demo from organizations;
