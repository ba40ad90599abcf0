import { isCurrentMember, isOverdueNoticeDue } from '../../../common/domain/groups';
import { todayInItaly } from '../../../common/domain/calendar';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { peopleByIds } from '../../platform/auth/people';
import { formatDay } from '../../platform/texts';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { mailPeople, myGroupsPagePath } from './groups-mails';
import { GroupActions } from './groups.policy';
import { GROUPS_TEXTS } from './groups.texts';
import { markOverdueNoticed, selectMembers, selectOverdueActions } from './groups.repository';

/**
 * The daily run (schedule groups.notice-overdue-actions, 08:00 Europe/Rome): mails the owner and the group's chair of
 * each overdue action on the first day it is found late, then weekly while it stays late (isOverdueNoticeDue). Each
 * action is marked in its own transaction with a compare-and-set on its notice state, so two processes running the
 * same day mail it once.
 */
export async function noticeOverdueActions(context: UseCaseContext, options: { now?: Date; linkBase?: string } = {}): Promise<{ noticed: number }> {
  assertCan(context.actor, GroupActions['groups.notice-overdue']);
  const today = todayInItaly(options.now ?? new Date());
  const linkBase = options.linkBase ?? '';
  const candidates = (await selectOverdueActions(context.db.orm, today)).filter((action) => isOverdueNoticeDue(action, today));
  let noticed = 0;
  for (const action of candidates) {
    await inTransaction(context, async (tx) => {
      if (!(await markOverdueNoticed(tx, action, today))) return;
      const chairs = (await selectMembers(tx, action.groupId)).filter((member) => member.role === 'chair' && isCurrentMember(member, today));
      const people = await peopleByIds(tx, [action.ownerUserId, ...chairs.map((chair) => chair.userId)]);
      const owner = people.get(action.ownerUserId);
      const recipients = [owner, ...chairs.map((chair) => people.get(chair.userId))].filter((person) => person !== undefined);
      const mailed = await mailPeople(
        tx,
        recipients,
        (language) => {
          const t = GROUPS_TEXTS[language];
          return {
            subject: t.overdueSubject(action.title),
            text: [t.overdueBody(action.title, action.groupName, formatDay(action.dueOn, language), owner?.name ?? ''), '', t.overdueAsk(`${linkBase}${myGroupsPagePath()}`)].join('\n'),
          };
        },
        { topicType: 'group_action', topicId: action.id, districtId: action.districtId },
      );
      await recordAudit(tx, context, { action: 'groups.notice-overdue-action', entityType: 'group_action', entityId: action.id, after: { noticedOn: today, dueOn: action.dueOn, mailed } });
      noticed += 1;
    });
  }
  return { noticed };
}
