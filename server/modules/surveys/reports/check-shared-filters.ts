import type { TReportFilters } from '../../../../common/contracts/survey-reports';
import { AppError } from '../../../platform/errors/app-error';
import type { DbExecutor } from '../../../platform/db/database';
import { isSmallGroup, SMALL_CELL_MIN } from './small-cell-rule';
import { selectRespondentCount } from './survey-reports.repository';

const FILTER_FIELDS = ['kind', 'sizeClass', 'municipalityCode'] as const;

/**
 * The shared report's filters under the small-cell rule (step 5 of small-cell-rule.ts): a filter that leaves 1 or 2
 * respondents inside it, or outside it, would describe those organizations (their free text, their answers, or the
 * whole report minus the filtered one). Refused with 422 `SURVEYS.SMALL_GROUP` naming the filters.
 */
export async function checkSharedFilters(db: DbExecutor, surveyId: string, filters: TReportFilters): Promise<void> {
  if (filters.variant !== 'shared') return;
  const used = FILTER_FIELDS.filter((field) => filters[field] !== undefined);
  if (used.length === 0) return;
  const inside = await selectRespondentCount(db, surveyId, filters);
  const total = await selectRespondentCount(db, surveyId, { variant: filters.variant });
  if (!isSmallGroup(inside, total)) return;
  const message = `in the shared report a filter must leave at least ${SMALL_CELL_MIN} respondents in and out of it (or none): this one would describe fewer`;
  throw new AppError('SURVEYS.SMALL_GROUP', message, { fields: used.map((field) => ({ path: `query.${field}`, message })), minimum: SMALL_CELL_MIN });
}
