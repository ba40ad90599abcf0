import { REFERRAL_REMINDER_DAYS_DEFAULT } from '../../../common/domain/matching';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { todayIso } from './district-scope';
import { MatchingActions } from './matching.policy';
import { mailOrganizations, referralReminderMail } from './matching-mails';
import { markReferralReminded, selectReferralsToRemind } from './matching-referrals.repository';

/**
 * Queues a reminder to every provider that has left a referral unanswered (state `sent`) for `days` days or more; a
 * referral is reminded at most once a day (`last_reminded_on`), so running it twice the same day sends nothing new.
 */
export async function remindReferralProviders(context: UseCaseContext, options: { days?: number; today?: string } = {}): Promise<{ reminded: number }> {
  assertCan(context.actor, MatchingActions['matching.referrals.remind']);
  const days = options.days ?? REFERRAL_REMINDER_DAYS_DEFAULT;
  const today = options.today ?? todayIso();
  const due = await selectReferralsToRemind(context.db.orm, days, today);
  let reminded = 0;
  for (const referral of due) {
    await inTransaction(context, async (tx) => {
      if (!(await markReferralReminded(tx, referral.id, today))) return;
      const mail = { serviceName: referral.service_name, referrerName: referral.referring_organization_name, sentAt: referral.sent_at };
      await mailOrganizations(
        tx,
        [{ organizationId: referral.provider_organization_id, compose: (language) => referralReminderMail(mail, language) }],
        { topicType: 'referral', topicId: referral.id, districtId: referral.district_id },
      );
      await recordAudit(tx, context, { action: 'matching.remind-referral', entityType: 'referral', entityId: referral.id, after: { remindedOn: today, days } });
      reminded += 1;
    });
  }
  return { reminded };
}
