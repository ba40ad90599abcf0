import { ZAwardRevoke, type TAwardRevoke, type TLabelVerification } from '../../../common/contracts/labels';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { notFound } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { labelError } from './labels.errors';
import { LabelActions } from './labels.policy';
import { revokeAwardRow, selectAward, selectScheme } from './labels.repository';
import { todayInItaly } from '../../../common/domain/calendar';
import { verifyLabel } from './verify-label';

/**
 * The scheme's managers revoke an awarded label with a reason: from today the verification page and the badge say
 * "revoked" (the reason stays with the managers and the audit log). A label is revoked once.
 */
export async function revokeLabel(context: UseCaseContext, awardId: string, rawInput: TAwardRevoke): Promise<TLabelVerification> {
  const input = parseInput(ZAwardRevoke, rawInput);
  assertCan(context.actor, LabelActions['labels.read-schemes']);
  const code = await inTransaction(context, async (tx) => {
    const award = await selectAward(tx, awardId, { forUpdate: true });
    if (!award) throw notFound('label_award', awardId);
    const scheme = (await selectScheme(tx, award.schemeId))!;
    assertCan(context.actor, LabelActions['labels.manage-application'], { districtId: scheme.districtId, organizationId: award.organizationId, assessorUserIds: [] });
    if (award.revokedOn !== null) throw labelError('LABELS.ALREADY_REVOKED', 'reason', `the label was revoked on ${award.revokedOn}`);
    const revokedOn = todayInItaly();
    await revokeAwardRow(tx, awardId, revokedOn, input.reason);
    await recordAudit(tx, context, { action: 'labels.revoke-label', entityType: 'label_award', entityId: awardId, before: { revokedOn: null }, after: { revokedOn, reason: input.reason } });
    return award.publicCode;
  });
  return verifyLabel(context, code);
}

