import type { TAssessorCandidates } from '../../../common/contracts/labels';
import { actorUserId } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { peopleByIds, peopleOfOrganizations } from '../../platform/auth/people';
import type { UseCaseContext } from '../../platform/use-case';
import { LabelActions } from './labels.policy';
import { selectDistrictMemberOrganizationIds } from './labels.repository';

/**
 * The people a scheme's manager may name as assessors, by name: the caller and the people (administrators and members)
 * of the district's current member organizations; for a regional scheme (no district), the caller only, until the
 * region has a register of its own officers. Only who may define the scheme reads it (names are not public).
 */
export async function listAssessorCandidates(context: UseCaseContext, districtId: string | null): Promise<TAssessorCandidates> {
  assertCan(context.actor, LabelActions['labels.create-scheme'], { districtId });
  const organizationIds = districtId === null ? [] : await selectDistrictMemberOrganizationIds(context.db.orm, districtId);
  const members = await peopleOfOrganizations(context.db.orm, organizationIds);
  const callerId = actorUserId(context.actor);
  const caller = callerId ? (await peopleByIds(context.db.orm, [callerId])).get(callerId) : undefined;
  const byId = new Map<string, string>();
  if (caller?.isActive) byId.set(caller.userId, caller.name);
  for (const person of members) byId.set(person.userId, person.name);
  const items = [...byId].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name, 'it') || a.userId.localeCompare(b.userId));
  return { items };
}
