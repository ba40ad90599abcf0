import type { z } from 'zod';
import type { ZPracticeFields } from '../../../common/contracts/practices';
import { missingLessonFields, normalizeTags } from '../../../common/domain/practices';
import type { DbExecutor } from '../../platform/db/database';
import { fieldError } from '../../platform/errors/app-error';
import { selectExistingCategoryCodes } from '../services';
import { lessonRequired } from './practices.errors';
import { selectExistingOrganizationIds, type PracticeValues } from './practices.repository';

/**
 * The checks a practice's texts pass before anything is written (create and update alike): a partial or failed outcome
 * states its cause and its lesson (400 naming the blank fields), the dates are in order, the category is one of the
 * services taxonomy, the linked organizations exist. Returns the values to store (tags normalized) and the linked ids.
 */
export async function checkPracticeInput(
  db: DbExecutor,
  input: z.output<typeof ZPracticeFields>,
  authorOrganizationId: string,
): Promise<{ values: PracticeValues; linkedOrganizationIds: string[] }> {
  const missing = missingLessonFields(input);
  if (missing.length > 0) throw lessonRequired(missing);
  if (input.startedOn && input.endedOn && input.endedOn < input.startedOn) throw fieldError('endedOn', 'is before startedOn');
  if (input.categoryCode && !(await selectExistingCategoryCodes(db, [input.categoryCode])).has(input.categoryCode)) {
    throw fieldError('categoryCode', 'not a category of the services taxonomy', 'unknown-code');
  }
  const linkedOrganizationIds = [...new Set(input.linkedOrganizationIds)].filter((id) => id !== authorOrganizationId);
  const existing = new Set(await selectExistingOrganizationIds(db, linkedOrganizationIds));
  const unknown = linkedOrganizationIds.find((id) => !existing.has(id));
  if (unknown) throw fieldError('linkedOrganizationIds', `organization ${unknown} does not exist`, 'not-found');
  return {
    values: {
      title: input.title, whatTried: input.whatTried, whatWorked: input.whatWorked, whatDidNotWork: input.whatDidNotWork,
      failureCause: input.failureCause, lessonLearned: input.lessonLearned, resourcesNeeded: input.resourcesNeeded,
      contacts: input.contacts, territory: input.territory, targetGroup: input.targetGroup, categoryCode: input.categoryCode,
      outcome: input.outcome, visibility: input.visibility, tags: normalizeTags(input.tags), startedOn: input.startedOn, endedOn: input.endedOn,
    },
    linkedOrganizationIds,
  };
}
