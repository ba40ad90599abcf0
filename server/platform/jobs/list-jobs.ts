import { ZJobsQuery, type TJobsPage, type TJobsQuery } from '../../../common/contracts/jobs';
import { assertCan } from '../access/policy';
import { fieldError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import type { UseCaseContext } from '../use-case';
import { JobActions } from './jobs.policy';
import { selectJobsPage } from './jobs.repository';

/** The queue for administrators, most recently changed first: above all the dead jobs, with their last error. */
export async function listJobs(context: UseCaseContext, rawQuery: TJobsQuery): Promise<TJobsPage> {
  assertCan(context.actor, JobActions['jobs.read']);
  const query = parseInput(ZJobsQuery, rawQuery);
  let after: { updatedAt: string; id: string } | undefined;
  if (query.cursor) {
    const [updatedAt, id] = query.cursor.split('|');
    if (!updatedAt || !id || Number.isNaN(Date.parse(updatedAt)) || !/^\d{1,18}$/.test(id)) throw fieldError('cursor', 'is not a cursor this endpoint returned');
    after = { updatedAt, id };
  }
  const rows = await selectJobsPage(context.db.orm, { state: query.state, type: query.type, after, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit).map(({ payload: _payload, ...job }) => job);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? `${last.updatedAt}|${last.id}` : null };
}
