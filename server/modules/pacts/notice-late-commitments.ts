import { PACTS_WEB_PATHS, type TLateCommitmentsRun } from '../../../common/contracts/pacts';
import { todayInItaly } from '../../../common/domain/calendar';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { peopleByIds } from '../../platform/auth/people';
import { queueMail } from '../../platform/mail/mail-outbox';
import { formatDay } from '../../platform/texts';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { PactActions } from './pacts.policy';
import { PACTS_TEXTS } from './pacts.texts';
import { insertCommitmentUpdate, markCommitmentLate, selectOverdueCommitments, selectSignerUserIds } from './pacts.repository';

/**
 * The daily run (schedule pacts.notice-late-commitments, 07:30 Europe/Rome): every open commitment whose due date
 * has passed (Italy's today) turns late, with an update in its history, and the people who signed the pact for its
 * organization are mailed once, with the link to the pact's commitments page (`linkBase`: the platform's address). Each commitment moves in its own short transaction with a compare-and-set, so two
 * processes running the same morning mark and mail it once.
 */
export async function noticeLateCommitments(context: UseCaseContext, options: { now?: Date; linkBase?: string } = {}): Promise<TLateCommitmentsRun> {
  assertCan(context.actor, PactActions['pacts.notice-late']);
  const linkBase = options.linkBase ?? '';
  const today = todayInItaly(options.now ?? new Date());
  let markedLate = 0;
  let noticed = 0;
  for (const commitment of await selectOverdueCommitments(context.db.orm, today)) {
    await inTransaction(context, async (tx) => {
      if (!(await markCommitmentLate(tx, commitment.id, today))) return;
      await insertCommitmentUpdate(tx, { commitmentId: commitment.id, status: 'late', note: '', writtenByUserId: null });
      const people = [...(await peopleByIds(tx, await selectSignerUserIds(tx, commitment.pactId, commitment.organizationId))).values()];
      const seen = new Set<string>();
      let mailed = 0;
      for (const person of people) {
        if (!person.isActive || seen.has(person.email.toLowerCase())) continue;
        seen.add(person.email.toLowerCase());
        const t = PACTS_TEXTS[person.language];
        await queueMail(tx, {
          to: person.email,
          subject: t.lateSubject(commitment.pactTitle),
          text: [t.lateBody(commitment.text, commitment.pactTitle, commitment.organizationName, formatDay(commitment.dueOn!, person.language)), '', t.lateAsk(`${linkBase}${PACTS_WEB_PATHS.commitments(commitment.pactId)}`)].join('\n'),
          topicType: 'pact_commitment',
          topicId: commitment.id,
          districtId: commitment.districtId,
        });
        mailed += 1;
      }
      await recordAudit(tx, context, { action: 'pacts.mark-commitment-late', entityType: 'pact_commitment', entityId: commitment.id, before: { status: commitment.status }, after: { status: 'late', dueOn: commitment.dueOn, on: today, mailed } });
      markedLate += 1;
      noticed += mailed;
    });
  }
  return { markedLate, noticed };
}
