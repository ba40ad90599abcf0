import type { Actor } from '../../platform/access/actor';
import type { DbExecutor } from '../../platform/db/database';
import { fieldError } from '../../platform/errors/app-error';
import { readableGroupIds } from '../groups';
import { selectGroupIdsOfDistrict } from './practice-groups.repository';
import type { PracticeRow } from './practices.repository';

/**
 * The working groups a practice may name: groups of its own district only (closed ones too: a practice a past group
 * carried keeps naming it). Any other id is refused on `groupIds` (422) before anything is written. Returns the ids to store.
 */
export async function checkPracticeGroups(db: DbExecutor, districtId: string, groupIds: string[]): Promise<string[]> {
  const ids = [...new Set(groupIds)];
  const ofDistrict = new Set(await selectGroupIdsOfDistrict(db, districtId, ids));
  const outside = ids.find((id) => !ofDistrict.has(id));
  if (outside) throw fieldError('groupIds', `group ${outside} is not a working group of the practice's district`, 'not-found');
  return ids;
}

/** Which of the practice's groups the reader may open: the groups module's own rule, through its index. */
export async function openableGroupsOf(db: DbExecutor, actor: Actor, row: PracticeRow): Promise<Set<string>> {
  const ids = (row.linked_groups ?? []).map((group) => group.id);
  return ids.length === 0 ? new Set() : readableGroupIds(db, actor, ids);
}
