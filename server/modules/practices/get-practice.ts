import type { TPractice } from '../../../common/contracts/practices';
import { can } from '../../platform/access/policy';
import { notFound } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { openableGroupsOf } from './practice-groups';
import { toPractice } from './practice-views';
import { PracticeActions, practiceReaderOf } from './practices.policy';
import { selectVisiblePractice } from './practices.repository';

/** One practice for whoever its visibility lets read it (a public one for anyone, no sign-in); anyone else gets 404. */
export async function getPractice(context: UseCaseContext, id: string): Promise<TPractice> {
  const row = await selectVisiblePractice(context.db.orm, id, practiceReaderOf(context.actor));
  if (!row) throw notFound('practice', id);
  const canEdit = can(context.actor, PracticeActions['practices.update'], { districtId: row.district_id, organizationId: row.organization_id });
  return toPractice(row, canEdit, await openableGroupsOf(context.db.orm, context.actor, row));
}

/** Whether the actor may read the practice (the file owner's rule: its attachments are read by its readers). */
export async function canReadPractice(context: UseCaseContext, id: string): Promise<boolean> {
  return (await selectVisiblePractice(context.db.orm, id, practiceReaderOf(context.actor))) !== null;
}

/** Whether the actor may change the practice and its attachments (it must also be able to read it). */
export async function canWritePractice(context: UseCaseContext, id: string): Promise<boolean> {
  const row = await selectVisiblePractice(context.db.orm, id, practiceReaderOf(context.actor));
  return row !== null && can(context.actor, PracticeActions['practices.update'], { districtId: row.district_id, organizationId: row.organization_id });
}
