import type { TReferralReport } from '../../../common/contracts/matching';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { MatchingActions } from './matching.policy';
import { selectReferralReport } from './matching-referrals.repository';
import { referralVisibilityOf } from './list-referrals';

const roundHours = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * Referral reports over what the actor may read: by status, median time to the provider's first answer, share closed
 * with an outcome, by provider and by category. A coordinator's covers the district; an organization's its own.
 */
export async function getReferralReport(context: UseCaseContext, filter: { districtId?: string | undefined }): Promise<TReferralReport> {
  assertCan(context.actor, MatchingActions['matching.use']);
  const rows = await selectReferralReport(context.db.orm, referralVisibilityOf(context), filter, context.language);
  const all = rows.find((row) => row.dimension === 'all');
  const toRow = (row: (typeof rows)[number]) => ({
    key: row.key,
    label: row.label,
    total: row.total,
    answered: row.answered,
    closedWithOutcome: row.closed_with_outcome,
    medianHoursToAnswer: roundHours(row.median_hours_to_answer),
  });
  return {
    total: all?.total ?? 0,
    byStatus: Object.fromEntries(rows.filter((row) => row.dimension === 'status').map((row) => [row.key, row.total])),
    medianHoursToAnswer: roundHours(all?.median_hours_to_answer ?? null),
    shareClosedWithOutcome: all && all.total > 0 ? Math.round((all.closed_with_outcome / all.total) * 1000) / 1000 : null,
    byProvider: rows.filter((row) => row.dimension === 'provider').map(toRow),
    byCategory: rows.filter((row) => row.dimension === 'category').map(toRow),
  };
}
