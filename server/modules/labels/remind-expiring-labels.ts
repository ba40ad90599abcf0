import { LABELS_WEB_PATHS } from '../../../common/contracts/labels';
import { EXPIRY_REMINDER_DAYS } from '../../../common/domain/labels';
import { addDays } from '../../../common/domain/calendar';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { organizationPeopleEmails } from '../../platform/auth/organization-people-emails';
import { queueMail } from '../../platform/mail/mail-outbox';
import { formatDay } from '../../platform/texts';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { LabelActions } from './labels.policy';
import { markReminded, selectAwardsToRemind } from './labels.repository';
import { LABELS_TEXTS } from './labels.texts';
import { todayInItaly } from '../../../common/domain/calendar';

/**
 * The daily run (schedule labels.remind-expiring-labels, 07:30 Europe/Rome): mails the people of each organization
 * whose label ends within EXPIRY_REMINDER_DAYS, once per last valid day (a renewal moves it, and the next reminder
 * comes before the new end). Each award is marked in its own transaction with a compare-and-set, so two processes
 * running the same day mail it once. Expired and revoked labels get nothing.
 */
export async function remindExpiringLabels(context: UseCaseContext, options: { now?: Date; linkBase?: string } = {}): Promise<{ reminded: number }> {
  assertCan(context.actor, LabelActions['labels.remind-expiry']);
  const today = todayInItaly(options.now ?? new Date());
  const linkBase = options.linkBase ?? '';
  const awards = await selectAwardsToRemind(context.db.orm, today, addDays(today, EXPIRY_REMINDER_DAYS));
  let reminded = 0;
  for (const award of awards) {
    await inTransaction(context, async (tx) => {
      if (!(await markReminded(tx, award.id, award.validUntil))) return;
      const addresses = (await organizationPeopleEmails(tx, [award.organizationId])).get(award.organizationId) ?? [];
      // The organization's people read Italian mail here: their language is not known from the address alone.
      const t = LABELS_TEXTS.it;
      const until = formatDay(award.validUntil, 'it');
      for (const to of new Set(addresses)) {
        await queueMail(tx, {
          to,
          subject: t.reminderSubject(award.schemeName, until),
          text: [t.reminderBody(award.organizationName, award.schemeName, until), '', t.reminderPage(`${linkBase}${LABELS_WEB_PATHS.verification(award.publicCode)}`)].join('\n'),
          topicType: 'label_award',
          topicId: award.id,
          districtId: award.districtId,
        });
      }
      await recordAudit(tx, context, { action: 'labels.remind-expiry', entityType: 'label_award', entityId: award.id, after: { validUntil: award.validUntil, remindedOn: today, mailed: addresses.length } });
      reminded += 1;
    });
  }
  return { reminded };
}
