import { ZPracticeUpdate, type TPractice, type TPracticeUpdate } from '../../../common/contracts/practices';
import { assertCan, can } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { notFound, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { checkPracticeInput } from './check-practice-input';
import { checkPracticeGroups, openableGroupsOf } from './practice-groups';
import { replaceLinkedGroups } from './practice-groups.repository';
import { toPractice } from './practice-views';
import { PracticeActions, practiceReaderOf } from './practices.policy';
import { replaceLinkedOrganizations, selectPracticeOwner, selectVisiblePractice, updatePracticeRow } from './practices.repository';

/**
 * Changes a practice: its organization's people, the district's coordinators (moderation) and platform admins. A reader
 * who may not change it gets 403, anyone who may not read it 404; a stale `version` 409. Audited with before and after.
 */
export async function updatePractice(context: UseCaseContext, id: string, raw: TPracticeUpdate): Promise<TPractice> {
  const reader = practiceReaderOf(context.actor);
  const owner = await selectPracticeOwner(context.db.orm, id);
  const scope = owner ? { districtId: owner.district_id, organizationId: owner.organization_id } : null;
  if (!scope || !can(context.actor, PracticeActions['practices.update'], scope)) {
    if (!scope || !(await selectVisiblePractice(context.db.orm, id, reader))) {
      if (context.actor.kind === 'anonymous') assertCan(context.actor, PracticeActions['practices.signed-in']);
      throw notFound('practice', id);
    }
    assertCan(context.actor, PracticeActions['practices.update'], scope);
  }
  const input = parseInput(ZPracticeUpdate, raw);
  const { values, linkedOrganizationIds } = await checkPracticeInput(context.db.orm, input, owner!.organization_id);
  const groupIds = await checkPracticeGroups(context.db.orm, owner!.district_id, input.groupIds);
  const everything = { ...reader, readsEverything: true };
  return inTransaction(context, async (tx) => {
    const before = await selectVisiblePractice(tx, id, everything);
    if (!before) throw notFound('practice', id);
    if (!(await updatePracticeRow(tx, id, input.version, values))) throw staleVersion('practice', id, input.version, before.version);
    await replaceLinkedOrganizations(tx, id, linkedOrganizationIds);
    await replaceLinkedGroups(tx, id, groupIds);
    const after = (await selectVisiblePractice(tx, id, everything))!;
    await recordAudit(tx, context, { action: 'practices.update-practice', entityType: 'practice', entityId: id, before, after });
    return toPractice(after, true, await openableGroupsOf(tx, context.actor, after));
  });
}
