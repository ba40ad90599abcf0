import type { DbExecutor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import type { UseCaseContext } from '../../platform/use-case';
import { selectNeedForUpdate, updateNeedStatus } from './needs.repository';

/**
 * A running co-designed project (issue 16) marks a need it is linked to as answered by the project, in the project's
 * transaction, audited with the project. The projects use case has already checked that the actor edits the project
 * and that the need is linked to it; a need someone already moved out of "open" is left as it is (false).
 */
export async function answerNeedByProject(tx: DbExecutor, context: Pick<UseCaseContext, 'actor' | 'requestId'>, input: { needId: string; projectId: string }): Promise<boolean> {
  const before = await selectNeedForUpdate(tx, input.needId);
  if (!before || before.status !== 'open') return false;
  const after = await updateNeedStatus(tx, input.needId, before.version, { status: 'answered_by_project', answeredByServiceId: null });
  await recordAudit(tx, context, {
    action: 'needs.answer-need-by-project',
    entityType: 'need',
    entityId: input.needId,
    before: { status: before.status, version: before.version },
    after: { status: after!.status, version: after!.version, projectId: input.projectId },
  });
  return true;
}
