import { ZNeedStatusChange, type TNeed, type TNeedStatusChange } from '../../../common/contracts/needs';
import { canChangeNeedStatus } from '../../../common/domain/needs';
import { recordAudit } from '../../platform/audit/audit';
import { assertCan, can } from '../../platform/access/policy';
import { fieldError, notFound, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { toNeed } from './need-views';
import { invalidStatusChange } from './needs.errors';
import { NeedActions } from './needs.policy';
import { selectNeedForUpdate, selectNeedView, serviceExists, updateNeedStatus } from './needs.repository';

/**
 * Moves a need to answered (by a service, which must be named, or by a project), closed, or back to open — the
 * district coordinators' decision, with optimistic locking and an audit entry. A need the actor may not read is 404.
 */
export async function changeNeedStatus(context: UseCaseContext, needId: string, raw: TNeedStatusChange): Promise<TNeed> {
  assertCan(context.actor, NeedActions['needs.signed-in']);
  const input = parseInput(ZNeedStatusChange, raw);
  if (input.status === 'answered_by_service' && !input.answeredByServiceId) throw fieldError('answeredByServiceId', 'required when the need is answered by a service');
  if (input.status !== 'answered_by_service' && input.answeredByServiceId) throw fieldError('answeredByServiceId', 'only with status answered_by_service');
  if (input.answeredByServiceId && !(await serviceExists(context.db.orm, input.answeredByServiceId))) throw fieldError('answeredByServiceId', 'no such service', 'not-found');
  return inTransaction(context, async (tx) => {
    const before = await selectNeedForUpdate(tx, needId);
    if (!before || !can(context.actor, NeedActions['needs.read'], before)) throw notFound('need', needId);
    assertCan(context.actor, NeedActions['needs.change-status'], before);
    if (before.version !== input.version) throw staleVersion('need', needId, input.version, before.version);
    if (!canChangeNeedStatus(before.status, input.status)) throw invalidStatusChange(before.status, input.status);
    const after = await updateNeedStatus(tx, needId, input.version, { status: input.status, answeredByServiceId: input.answeredByServiceId });
    if (!after) throw staleVersion('need', needId, input.version, null);
    await recordAudit(tx, context, { action: 'needs.change-need-status', entityType: 'need', entityId: needId, before, after });
    return toNeed((await selectNeedView(tx, needId))!);
  });
}
