import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { enqueueJob } from '../../platform/jobs/enqueue-job';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { ServiceActions } from './services.policy';

/** The job type that recomputes the whole stored supply (rebuildServiceSupply) in a worker. */
export const SUPPLY_REBUILD_JOB = 'services.rebuild-supply';

/**
 * Queues a rebuild of the stored supply for a worker (`distretto services rebuild-supply`): a rebuild at regional
 * scale takes minutes, which a command's terminal or a request should not hold. A rebuild already queued or running
 * is not queued twice (it will read every change made before it starts). Returns the job id, or null if one waits.
 */
export async function queueSupplyRebuild(context: UseCaseContext): Promise<{ jobId: string | null }> {
  assertCan(context.actor, ServiceActions['services.supply.rebuild']);
  return inTransaction(context, async (tx) => {
    const jobId = await enqueueJob(tx, { type: SUPPLY_REBUILD_JOB, uniqueKey: SUPPLY_REBUILD_JOB, maxAttempts: 3 });
    await recordAudit(tx, context, { action: 'services.queue-supply-rebuild', entityType: 'service_supply', entityId: 'all', after: { jobId } });
    return { jobId };
  });
}
