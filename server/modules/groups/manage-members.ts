import { ZGroupJoin, ZMemberAdd, ZMemberUpdate, type TGroupCandidates, type TGroupJoin, type TGroupMember, type TMemberAdd, type TMemberUpdate } from '../../../common/contracts/groups';
import type { MemberRole } from '../../../common/domain/groups';
import { organizationIdsOf } from '../../platform/access/actor';
import { assertCan, can } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { holdsOrganizationRole, peopleByIds, peopleOfOrganizations } from '../../platform/auth/people';
import type { DbExecutor, OrmTransaction } from '../../platform/db/database';
import { fieldError, notFound, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { isCurrentDistrictMember } from '../districts';
import { loadReadableGroup, type GroupContext } from './group-access';
import { toMember } from './group-views';
import { alreadyMember } from './groups.errors';
import { groupPagePath, mailPeople } from './groups-mails';
import { GroupActions } from './groups.policy';
import { GROUPS_TEXTS } from './groups.texts';
import { insertMember, selectDistrictMemberOrganizations, selectMember, updateMember } from './groups.repository';
import { assertGroupOpen } from './manage-groups';

/** The person must hold a role in the organization, which must be a current member of the group's district. */
async function checkRepresentative(db: DbExecutor, districtId: string, userId: string, organizationId: string, substituteUserId: string | null): Promise<void> {
  if (!(await isCurrentDistrictMember(db, districtId, organizationId))) {
    throw fieldError('organizationId', 'not a current member organization of the district', 'not-current-member');
  }
  if (!(await holdsOrganizationRole(db, userId, organizationId))) throw fieldError('userId', 'this person holds no role in the organization', 'not-found');
  if (substituteUserId !== null) {
    if (substituteUserId === userId) throw fieldError('substituteUserId', 'the substitute must be another person', 'must-differ');
    if (!(await holdsOrganizationRole(db, substituteUserId, organizationId))) throw fieldError('substituteUserId', 'this person holds no role in the organization', 'not-found');
  }
}

async function insertAndTell(
  tx: OrmTransaction,
  context: UseCaseContext,
  loaded: GroupContext,
  member: { userId: string; organizationId: string; role: MemberRole; fromOn: string; toOn: string | null; substituteUserId: string | null },
  action: 'groups.add-member' | 'groups.join-group',
  linkBase: string,
): Promise<TGroupMember> {
  const id = await insertMember(tx, { groupId: loaded.group.id, ...member });
  if (!id) throw alreadyMember('userId');
  const row = (await selectMember(tx, loaded.group.id, id))!;
  await recordAudit(tx, context, { action, entityType: 'group_member', entityId: id, after: row });
  const people = await peopleByIds(tx, [member.userId, member.substituteUserId].filter((user): user is string => user !== null));
  const person = people.get(member.userId);
  if (person) {
    await mailPeople(
      tx,
      [person],
      (language) => {
        const t = GROUPS_TEXTS[language];
        return {
          subject: t.memberAddedSubject(loaded.group.name),
          text: [t.memberAddedBody(loaded.group.name, row.organizationName, t.role(member.role)), '', t.groupPage(`${linkBase}${groupPagePath(loaded.group.id)}`)].join('\n'),
        };
      },
      { topicType: 'group_member', topicId: loaded.group.id, districtId: loaded.group.districtId },
    );
  }
  return toMember(row, people, loaded.today);
}

/**
 * A manager (coordinator, administrator, chair) names a representative: a person of a current member organization of
 * the district, with a role. The person is mailed. A person already in the group → 409 naming `userId`.
 */
export async function addMember(context: UseCaseContext, groupId: string, raw: TMemberAdd, linkBase: string): Promise<TGroupMember> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZMemberAdd, raw);
  return inTransaction(context, async (tx) => {
    const loaded = await loadReadableGroup(tx, context.actor, groupId, new Date(), { forUpdate: true });
    assertCan(context.actor, GroupActions['groups.manage'], loaded.standing);
    assertGroupOpen(loaded.group);
    if (loaded.members.some((member) => member.userId === input.userId)) throw alreadyMember('userId');
    await checkRepresentative(tx, loaded.group.districtId, input.userId, input.organizationId, input.substituteUserId);
    const fromOn = input.fromOn ?? loaded.today;
    if (input.toOn !== null && input.toOn < fromOn) throw fieldError('toOn', 'must not be before fromOn');
    return insertAndTell(tx, context, loaded, { ...input, fromOn, toOn: input.toOn }, 'groups.add-member', linkBase);
  });
}

/** An OPEN group: an administrator of a current member organization of the district joins naming its representative. */
export async function joinGroup(context: UseCaseContext, groupId: string, raw: TGroupJoin, linkBase: string): Promise<TGroupMember> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZGroupJoin, raw);
  return inTransaction(context, async (tx) => {
    const loaded = await loadReadableGroup(tx, context.actor, groupId, new Date(), { forUpdate: true });
    const organizationIsMember = await isCurrentDistrictMember(tx, loaded.group.districtId, input.organizationId);
    assertCan(context.actor, GroupActions['groups.join'], {
      accessMode: loaded.group.accessMode,
      organizationIsMember,
      isOrganizationAdmin: organizationIdsOf(context.actor, ['organization_admin']).includes(input.organizationId),
    });
    assertGroupOpen(loaded.group);
    if (loaded.members.some((member) => member.userId === input.userId)) throw alreadyMember('userId');
    await checkRepresentative(tx, loaded.group.districtId, input.userId, input.organizationId, input.substituteUserId);
    return insertAndTell(tx, context, loaded, { ...input, role: 'member', fromOn: loaded.today, toOn: null }, 'groups.join-group', linkBase);
  });
}

/** Role, dates (ending a membership sets its last day) and substitute: the group's managers. */
export async function updateGroupMember(context: UseCaseContext, groupId: string, memberId: string, raw: TMemberUpdate): Promise<TGroupMember> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZMemberUpdate, raw);
  return inTransaction(context, async (tx) => {
    const loaded = await loadReadableGroup(tx, context.actor, groupId, new Date(), { forUpdate: true });
    assertCan(context.actor, GroupActions['groups.manage'], loaded.standing);
    assertGroupOpen(loaded.group);
    const before = loaded.members.find((member) => member.id === memberId);
    if (!before) throw notFound('group member', memberId);
    if (before.version !== input.version) throw staleVersion('group member', memberId, input.version, before.version);
    const after = {
      role: input.role ?? before.role,
      fromOn: input.fromOn ?? before.fromOn,
      toOn: input.toOn === undefined ? before.toOn : input.toOn,
      substituteUserId: input.substituteUserId === undefined ? before.substituteUserId : input.substituteUserId,
    };
    if (after.toOn !== null && after.toOn < after.fromOn) throw fieldError('toOn', 'must not be before fromOn');
    if (input.substituteUserId) await checkRepresentative(tx, loaded.group.districtId, before.userId, before.organizationId, input.substituteUserId);
    if (!(await updateMember(tx, memberId, input.version, after))) throw staleVersion('group member', memberId, input.version, null);
    await recordAudit(tx, context, { action: 'groups.update-member', entityType: 'group_member', entityId: memberId, before, after });
    const row = (await selectMember(tx, groupId, memberId))!;
    return toMember(row, await peopleByIds(tx, [row.userId, row.substituteUserId].filter((user): user is string => user !== null)), loaded.today);
  });
}

/**
 * Who can be named: managers see every current member organization of the district and its people; an administrator
 * joining an open group sees only their own organizations.
 */
export async function listCandidates(context: UseCaseContext, groupId: string): Promise<TGroupCandidates> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const db = context.db.orm;
  const loaded = await loadReadableGroup(db, context.actor, groupId, new Date());
  const manager = can(context.actor, GroupActions['groups.manage'], loaded.standing);
  const ownAdmin = organizationIdsOf(context.actor, ['organization_admin']);
  const organizations = await selectDistrictMemberOrganizations(db, loaded.group.districtId, manager ? undefined : ownAdmin);
  assertCan(context.actor, GroupActions['groups.list-candidates'], { group: loaded.standing, administersMemberOrganization: !manager && organizations.length > 0 });
  const people = await peopleOfOrganizations(db, organizations.map((organization) => organization.id));
  const memberIds = new Set(loaded.members.map((member) => member.userId));
  return {
    organizations: organizations.map((organization) => ({
      organizationId: organization.id,
      organizationName: organization.name,
      people: people.filter((person) => person.organizationId === organization.id).map((person) => ({ userId: person.userId, name: person.name, alreadyMember: memberIds.has(person.userId) })),
    })),
  };
}
