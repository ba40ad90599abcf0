import { ZPracticeCreate, type TPractice, type TPracticeCreate } from '../../../common/contracts/practices';
import { actorUserId } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { findUserById } from '../../platform/auth/auth.repository';
import { recordAudit } from '../../platform/audit/audit';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { isCurrentDistrictMember } from '../districts';
import { checkPracticeInput } from './check-practice-input';
import { checkPracticeGroups, openableGroupsOf } from './practice-groups';
import { replaceLinkedGroups } from './practice-groups.repository';
import { toPractice } from './practice-views';
import { PracticeActions, practiceReaderOf } from './practices.policy';
import { insertPractice, replaceLinkedOrganizations, selectVisiblePractice } from './practices.repository';

/**
 * Records a practice of an organization in a district: the organization's people (or the district's coordinators) while
 * it is a current member. A partial or failed outcome must state its cause and its lesson. Audited with what was written
 * (its linked organizations and working groups too).
 */
export async function createPractice(context: UseCaseContext, raw: TPracticeCreate): Promise<TPractice> {
  const input = parseInput(ZPracticeCreate, raw);
  const organizationIsMember = await isCurrentDistrictMember(context.db.orm, input.districtId, input.organizationId);
  assertCan(context.actor, PracticeActions['practices.create'], { districtId: input.districtId, organizationId: input.organizationId, organizationIsMember });
  const { values, linkedOrganizationIds } = await checkPracticeInput(context.db.orm, input, input.organizationId);
  const groupIds = await checkPracticeGroups(context.db.orm, input.districtId, input.groupIds);
  const authorUserId = actorUserId(context.actor);
  const authorName = authorUserId ? (await findUserById(context.db.orm, authorUserId))?.displayName ?? null : null;
  return inTransaction(context, async (tx) => {
    const id = await insertPractice(tx, { ...values, districtId: input.districtId, organizationId: input.organizationId, authorUserId, authorName, isDemo: input.isDemo });
    await replaceLinkedOrganizations(tx, id, linkedOrganizationIds);
    await replaceLinkedGroups(tx, id, groupIds);
    const created = (await selectVisiblePractice(tx, id, { ...practiceReaderOf(context.actor), readsEverything: true }))!;
    await recordAudit(tx, context, { action: 'practices.create-practice', entityType: 'practice', entityId: id, after: created });
    return toPractice(created, true, await openableGroupsOf(tx, context.actor, created));
  });
}
