import type { TJobCounts } from '../../../common/contracts/jobs';
import { assertCan } from '../access/policy';
import type { UseCaseContext } from '../use-case';
import { JobActions } from './jobs.policy';
import { countJobsByState } from './jobs.repository';

/** How many jobs wait, run or are dead: the administrators' menu shows the dead ones, so a failure is not missed. */
export async function countJobs(context: UseCaseContext): Promise<TJobCounts> {
  assertCan(context.actor, JobActions['jobs.read']);
  return countJobsByState(context.db.orm);
}
