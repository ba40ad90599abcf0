import type { TJob } from '../../../common/contracts/jobs';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { AppError, notFound } from '../errors/app-error';
import { inTransaction, type UseCaseContext } from '../use-case';
import { JobActions } from './jobs.policy';
import { requeueDeadJob, selectJob } from './jobs.repository';

/**
 * Queues a dead job again by hand, with a fresh set of attempts (after an administrator fixed what made it fail, e.g.
 * the SMTP settings). Only a dead job: a queued or running one is already on its way (409).
 */
export async function retryJob(context: UseCaseContext, id: string): Promise<TJob> {
  assertCan(context.actor, JobActions['jobs.retry']);
  return inTransaction(context, async (tx) => {
    const before = await selectJob(tx, id);
    if (!before) throw notFound('job', id);
    const after = await requeueDeadJob(tx, id);
    if (!after) throw new AppError('COMMON.CONFLICT', `job ${id} is ${before.state}, not dead: there is nothing to retry`, { state: before.state });
    await recordAudit(tx, context, {
      action: 'jobs.retry-job', entityType: 'job', entityId: id,
      before: { type: before.type, state: before.state, attempts: before.attempts, lastError: before.lastError },
      after: { type: after.type, state: after.state, attempts: after.attempts },
    });
    const { payload: _payload, ...job } = after;
    return job;
  });
}
