import type { TPractice, TPracticeHit } from '../../../common/contracts/practices';
import type { PracticeHitRow, PracticeRow } from './practices.repository';

const iso = (value: Date | string): string => new Date(value).toISOString();

/** `openableGroupIds`: the linked groups whose page the reader may open (practice-groups.ts openableGroupsOf). */
export function toPractice(row: PracticeRow, canEdit: boolean, openableGroupIds: ReadonlySet<string> = new Set()): TPractice {
  return {
    id: row.id,
    districtId: row.district_id,
    districtName: row.district_name,
    organization: { id: row.organization_id, name: row.organization_name },
    authorName: row.author_name,
    title: row.title,
    whatTried: row.what_tried,
    whatWorked: row.what_worked,
    whatDidNotWork: row.what_did_not_work,
    failureCause: row.failure_cause,
    lessonLearned: row.lesson_learned,
    resourcesNeeded: row.resources_needed,
    contacts: row.contacts,
    territory: row.territory,
    targetGroup: row.target_group as TPractice['targetGroup'],
    categoryCode: row.category_code,
    categoryLabel: row.category_label,
    outcome: row.outcome,
    visibility: row.visibility,
    tags: row.tags,
    linkedOrganizations: row.linked_organizations ?? [],
    linkedGroups: (row.linked_groups ?? []).map((group) => ({ ...group, canOpen: openableGroupIds.has(group.id) })),
    startedOn: row.started_on,
    endedOn: row.ended_on,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    isDemo: row.is_demo,
    version: row.version,
    canEdit,
  };
}

export function toPracticeHit(row: PracticeHitRow): TPracticeHit {
  return {
    id: row.id,
    title: row.title,
    outcome: row.outcome,
    visibility: row.visibility,
    districtName: row.district_name,
    organizationName: row.organization_name,
    categoryCode: row.category_code,
    categoryLabel: row.category_label,
    tags: row.tags,
    snippet: row.snippet,
    updatedAt: iso(row.updated_at),
  };
}
