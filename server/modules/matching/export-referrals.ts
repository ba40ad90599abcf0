import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { MatchingActions } from './matching.policy';
import { selectVisibleReferrals } from './matching-referrals.repository';
import { referralVisibilityOf } from './list-referrals';
import { toCsv } from '../../platform/export/csv';
import { recordAccess } from '../../platform/audit/audit';

/** The referrals the actor may read as CSV (no free-text details: those never leave the referral page). */
export async function exportReferrals(context: UseCaseContext, filter: { districtId?: string | undefined; status?: string | undefined; q?: string | undefined }): Promise<string> {
  assertCan(context.actor, MatchingActions['matching.use']);
  const { items } = await selectVisibleReferrals(context.db.orm, referralVisibilityOf(context), filter);
  await recordAccess(context, { action: 'matching.export-referrals', entityType: 'referral', entityId: filter.districtId ?? 'visible', details: { filters: filter, served: items.length } });
  return toCsv(
    ['id', 'sent_at', 'status', 'status_reason', 'referring_organization', 'provider_organization', 'service', 'category_code', 'municipality', 'subject_kind', 'people_count', 'first_answered_at', 'closed_at'],
    items.map((row) => [row.id, new Date(row.sent_at).toISOString(), row.status, row.status_reason, row.referring_organization_name, row.provider_organization_name, row.service_name, row.category_code, row.municipality_name, row.subject_kind, row.people_count, row.first_answered_at ? new Date(row.first_answered_at).toISOString() : '', row.closed_at ? new Date(row.closed_at).toISOString() : '']),
  );
}
