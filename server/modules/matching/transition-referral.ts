import type { TReferral, TReferralTransition } from '../../../common/contracts/matching';
import type { MatchingAuditAction } from '../../../common/contracts/matching.audit';
import { REFERRAL_CLOSED_STATUSES, REFERRAL_TRANSITIONS, type ReferralAction } from '../../../common/domain/matching';
import { actorLabel } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError, staleVersion } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { answerNeedByReferral } from '../needs';
import { forbiddenTransition } from './matching.errors';
import { MatchingActions } from './matching.policy';
import { mailOrganizations, referralTransitionMail } from './matching-mails';
import { insertReferralEvent, selectReferral, updateReferralStatus } from './matching-referrals.repository';
import { allowedActionsOf, loadReadableReferral, presentReferral } from './present-referral';

/** How the audit log names each move (declared in common/contracts/matching.audit.ts). */
const AUDIT_ACTION_OF: Record<ReferralAction, MatchingAuditAction> = {
  accept: 'matching.accept-referral',
  decline: 'matching.decline-referral',
  request_info: 'matching.request-referral-info',
  answer_info: 'matching.answer-referral-info',
  mark_served: 'matching.mark-referral-served',
  mark_not_served: 'matching.mark-referral-not-served',
};

/**
 * Moves a referral along its state machine: the provider accepts, declines (reason), asks for information (question),
 * then records the outcome (served, or not served with a reason); the referrer answers a request for information,
 * which sends it again. Anything else is a 409 MATCHING.FORBIDDEN_TRANSITION; every move is timestamped, audited and
 * told to the other side by e-mail. "Served" closes the loop: the referral's need, if still open, is answered.
 */
export async function transitionReferral(context: UseCaseContext, id: string, input: TReferralTransition): Promise<TReferral> {
  assertCan(context.actor, MatchingActions['matching.use']);
  return inTransaction(context, async (tx) => {
    const before = await loadReadableReferral(tx, context.actor, id);
    const rule = REFERRAL_TRANSITIONS[input.action];
    const side = rule.by === 'provider' ? before.provider_organization_id : before.referring_organization_id;
    assertCan(context.actor, MatchingActions['matching.referrals.transition'], { organizationId: side });
    if (before.status !== rule.from) throw forbiddenTransition(input.action, before.status, allowedActionsOf(context.actor, before));
    if (rule.reasonRequired && input.reason.length === 0) throw fieldError('reason', `required to ${input.action.replace('_', ' ')}`);
    const isFirstAnswer = rule.by === 'provider' && rule.from === 'sent';
    const updated = await updateReferralStatus(tx, { id, version: input.version, status: rule.to, reason: input.reason, isFirstAnswer, isClosing: REFERRAL_CLOSED_STATUSES.includes(rule.to) });
    if (!updated) throw staleVersion('referral', id, input.version, before.version);
    await insertReferralEvent(tx, { referralId: id, fromStatus: before.status, toStatus: rule.to, note: input.reason, actorLabel: actorLabel(context.actor) });
    // Served: the need the referral was made for (if any, and still open) is now answered by this service.
    if (rule.to === 'served' && before.need_id) await answerNeedByReferral(tx, context, { needId: before.need_id, serviceId: before.service_id, referralId: id });
    const after = (await selectReferral(tx, id))!;
    const otherSide = rule.by === 'provider' ? before.referring_organization_id : before.provider_organization_id;
    const mail = { serviceName: before.service_name, sentAt: before.sent_at, from: before.status, to: rule.to };
    await mailOrganizations(tx, [{ organizationId: otherSide, compose: (language) => referralTransitionMail(mail, language) }], { topicType: 'referral', topicId: id, districtId: before.district_id });
    await recordAudit(tx, context, { action: AUDIT_ACTION_OF[input.action], entityType: 'referral', entityId: id, before, after });
    return presentReferral(tx, context, after);
  });
}
