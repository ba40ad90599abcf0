-- What the organizations module publishes for a conflict-of-interest check (issue 17: an assessor tied to the applicant
-- by membership or relationship cannot assess it). Plain views: the planner inlines them into the reader's query.
-- A person's current role on an organization, for people who have an account (the role grants of accounts are the
-- platform's; this adds the registry's own roles: legal representative, contact, member).
create view organization_person_users as
  select pr.organization_id, p.user_id, pr.role
  from person_roles pr join people p on p.id = pr.person_id
  where p.user_id is not null and is_current_period(pr.started_on, pr.ended_on);

-- Confirmed, current relationships between organizations (ADR 0020), read in both directions.
create view organization_related_pairs as
  select from_organization_id as organization_id, to_organization_id as related_organization_id, kind
  from organization_relationships where status = 'confirmed' and is_current_period(started_on, ended_on)
  union all
  select to_organization_id, from_organization_id, kind
  from organization_relationships where status = 'confirmed' and is_current_period(started_on, ended_on);
