import { todayInItaly } from '../../../common/domain/calendar';
import { actorUserId, organizationIdsOf, type Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/policy';
import type { DbExecutor } from '../../platform/db/database';
import { notFound } from '../../platform/errors/app-error';
import { GroupActions, currentRoleOf, type GroupStanding } from './groups.policy';
import { currentMemberOrganizationIds } from '../districts';
import { selectGroup, selectMembers, type GroupRow, type MemberRow } from './groups.repository';

export interface GroupContext {
  group: GroupRow;
  members: MemberRow[];
  standing: GroupStanding;
  today: string;
}

/** Whether the actor holds a role in a current member organization of the district. */
export async function actorInDistrict(db: DbExecutor, actor: Actor, districtId: string): Promise<boolean> {
  const own = organizationIdsOf(actor);
  return (await currentMemberOrganizationIds(db, districtId, own)).length > 0;
}

export async function standingOf(db: DbExecutor, actor: Actor, group: GroupRow, members: MemberRow[], today: string): Promise<GroupStanding> {
  return {
    districtId: group.districtId,
    accessMode: group.accessMode,
    currentRole: currentRoleOf(members, actorUserId(actor), today),
    inDistrict: await actorInDistrict(db, actor, group.districtId),
  };
}

/**
 * Loads a group with its members and the actor's standing; a group that does not exist or that the actor may not
 * read answers 404 alike (a by-invitation group's existence beyond its name in the list is not told).
 */
export async function loadReadableGroup(db: DbExecutor, actor: Actor, groupId: string, now: Date, options: { forUpdate?: boolean } = {}): Promise<GroupContext> {
  const group = await selectGroup(db, groupId, options);
  if (!group) throw notFound('group', groupId);
  const today = todayInItaly(now);
  const members = await selectMembers(db, groupId);
  const standing = await standingOf(db, actor, group, members, today);
  if (!can(actor, GroupActions['groups.read'], standing)) throw notFound('group', groupId);
  return { group, members, standing, today };
}

/**
 * Which of `groupIds` the actor may open (the `groups.read` rule, the one the group page applies): for a module that
 * links groups and shows each one's name (practices), so a by-invitation group's page is offered only to its readers.
 * Ids of no group are left out. No access check of its own: it tells, it does not show.
 */
export async function readableGroupIds(db: DbExecutor, actor: Actor, groupIds: string[], now: Date = new Date()): Promise<Set<string>> {
  const readable = new Set<string>();
  const today = todayInItaly(now);
  for (const groupId of new Set(groupIds)) {
    const group = await selectGroup(db, groupId);
    if (!group) continue;
    const standing = await standingOf(db, actor, group, await selectMembers(db, groupId), today);
    if (can(actor, GroupActions['groups.read'], standing)) readable.add(groupId);
  }
  return readable;
}
