import { isCurrentMember, isGroupWriterRole, type GroupAccessMode, type MemberRole } from '../../../common/domain/groups';
import { coordinatesDistrict, isPlatformAdmin, type Actor } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';

const steersDistrict = (actor: Actor, districtId: string) => isPlatformAdmin(actor) || coordinatesDistrict(actor, districtId);

/**
 * What the actor is to one group, computed once per request by group-access.ts: the policies below decide from it.
 * `currentRole`: the role of their current membership (null when not a member today); `inDistrict`: they hold a role
 * in a current member organization of the group's district.
 */
export interface GroupStanding {
  districtId: string;
  accessMode: GroupAccessMode;
  currentRole: MemberRole | null;
  inDistrict: boolean;
}

export function currentRoleOf(memberships: { userId: string; role: MemberRole; fromOn: string; toOn: string | null }[], userId: string | null, today: string): MemberRole | null {
  if (!userId) return null;
  return memberships.find((member) => member.userId === userId && isCurrentMember(member, today))?.role ?? null;
}

const isViewer = (actor: Actor, group: GroupStanding) =>
  steersDistrict(actor, group.districtId) || group.currentRole !== null || (group.accessMode === 'open' && group.inDistrict);
const isManager = (actor: Actor, group: GroupStanding) => steersDistrict(actor, group.districtId) || group.currentRole === 'chair';
const isWriter = (actor: Actor, group: GroupStanding) => isManager(actor, group) || (group.currentRole !== null && isGroupWriterRole(group.currentRole));

/**
 * Who may do what with working groups (ADR 0031), deny by default. A group's page, meetings, attendance, published
 * minutes, documents and feed: its viewers (administrators, the district's coordinators, current members, and for an
 * OPEN group anyone of a member organization of the district). Minutes drafts: members, coordinators, administrators.
 * Managing the group and its members: coordinators, administrators and the chair. Meetings, attendance, minutes,
 * decisions and actions: managers and the secretary. A group the actor may not view answers 404.
 */
export const GroupActions = definePolicies({
  'groups.signed-in': (actor) => actor.kind === 'user' || actor.kind === 'system',
  /** The list of a district's groups (names and themes of all, private contents of none): its people. */
  'groups.list': (actor, scope: { districtId: string; inDistrict: boolean }) =>
    actor.kind !== 'anonymous' && (steersDistrict(actor, scope.districtId) || scope.inDistrict),
  'groups.create': (actor, scope: { districtId: string }) => steersDistrict(actor, scope.districtId),
  'groups.change-status': (actor, group: GroupStanding) => steersDistrict(actor, group.districtId),
  'groups.read': (actor, group: GroupStanding) => isViewer(actor, group),
  'groups.read-drafts': (actor, group: GroupStanding) => steersDistrict(actor, group.districtId) || group.currentRole !== null,
  'groups.manage': (actor, group: GroupStanding) => isManager(actor, group),
  'groups.write': (actor, group: GroupStanding) => isWriter(actor, group),
  /** An open group: an administrator of a current member organization of the district names its representative. */
  'groups.join': (actor, scope: { accessMode: GroupAccessMode; organizationIsMember: boolean; isOrganizationAdmin: boolean }) =>
    scope.accessMode === 'open' && scope.organizationIsMember && scope.isOrganizationAdmin,
  /** Who can be named: managers (every member organization), or an administrator of a member organization joining an open group. */
  'groups.list-candidates': (actor, scope: { group: GroupStanding; administersMemberOrganization: boolean }) =>
    isManager(actor, scope.group) || (scope.group.accessMode === 'open' && scope.administersMemberOrganization),
  /** A feed address is personal: for whoever may read the group and is a person (not the system). */
  'groups.subscribe-feed': (actor, group: GroupStanding) => actor.kind === 'user' && isViewer(actor, group),
  /** An action's owner moves its status; writers change anything of it. */
  'groups.update-action-status': (actor, scope: { group: GroupStanding; ownerUserId: string }) =>
    isWriter(actor, scope.group) || (actor.kind === 'user' && actor.userId === scope.ownerUserId),
  /** The daily overdue notices: the scheduler (system) or a platform administrator by hand. */
  'groups.notice-overdue': (actor) => isPlatformAdmin(actor),
});
