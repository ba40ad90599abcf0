-- Working groups where a practice was discussed or that carried it (issue 15: practices link to organizations and
-- groups). A group of the practice's own district only (checked by the use cases). A closed group keeps its links (the
-- page shows it marked closed); a group deleted with its district takes its links with it.
create table practice_groups (
  practice_id uuid not null references practices (id) on delete cascade,
  group_id uuid not null references working_groups (id) on delete cascade,
  primary key (practice_id, group_id)
);
create index practice_groups_group_idx on practice_groups (group_id);
