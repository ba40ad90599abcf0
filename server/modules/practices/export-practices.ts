import type { TPracticeSearchQuery } from '../../../common/contracts/practices';
import type { UseCaseContext } from '../../platform/use-case';
import { toCsv } from '../../platform/export/csv';
import { practiceReaderOf } from './practices.policy';
import { selectVisiblePracticesForExport } from './practices.repository';
import { practiceSearchOf } from './search-practices';

/** The most rows one export holds. */
export const PRACTICE_EXPORT_LIMIT = 10_000;

/**
 * The practices the reader may see that match the search and filters, as CSV (the platform's writer: RFC 4180,
 * formula-safe), one row per practice with every text. The same visibility rule as the list: nothing more.
 */
export async function exportPractices(context: UseCaseContext, raw: TPracticeSearchQuery): Promise<string> {
  const search = practiceSearchOf(raw);
  const rows = await selectVisiblePracticesForExport(context.db.orm, search, practiceReaderOf(context.actor), PRACTICE_EXPORT_LIMIT);
  return toCsv(
    ['id', 'title', 'outcome', 'visibility', 'district', 'organization', 'linked_organizations', 'category_code', 'category', 'target_group', 'territory', 'tags',
      'what_tried', 'what_worked', 'what_did_not_work', 'failure_cause', 'lesson_learned', 'resources_needed', 'contacts', 'started_on', 'ended_on', 'updated_at'],
    rows.map((row) => [
      row.id, row.title, row.outcome, row.visibility, row.district_name, row.organization_name, (row.linked_organizations ?? []).map((o) => o.name).join('; '),
      row.category_code, row.category_label, row.target_group, row.territory, row.tags.join('; '), row.what_tried, row.what_worked, row.what_did_not_work,
      row.failure_cause, row.lesson_learned, row.resources_needed, row.contacts, row.started_on, row.ended_on, new Date(row.updated_at).toISOString(),
    ]),
  );
}
