import { GROUPS_WEB_PATHS } from '../../../common/contracts/groups';
import { instantToRomeLocal } from '../../../common/domain/groups';
import type { Person } from '../../platform/auth/people';
import type { DbExecutor } from '../../platform/db/database';
import { queueMail } from '../../platform/mail/mail-outbox';
import { formatDay, type Language } from '../../platform/texts';
import { GROUPS_TEXTS } from './groups.texts';
import type { MeetingRow } from './groups.repository';

/** The web paths mails link to (web/modules/groups registers these pages). */
export const groupPagePath = GROUPS_WEB_PATHS.group;
export const meetingPagePath = GROUPS_WEB_PATHS.meeting;
export const myGroupsPagePath = () => GROUPS_WEB_PATHS.mine;

const LOCALE: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

/** "lunedì 14 dicembre 2026, dalle 17:30 alle 19:00" (with the day of the week, in the reader's language). */
export function meetingWhen(meeting: Pick<MeetingRow, 'startsAt' | 'endsAt'>, language: Language): string {
  const weekday = new Intl.DateTimeFormat(LOCALE[language], { weekday: 'long', timeZone: 'Europe/Rome' }).format(new Date(meeting.startsAt));
  const start = instantToRomeLocal(new Date(meeting.startsAt));
  const end = instantToRomeLocal(new Date(meeting.endsAt));
  const day = `${weekday} ${formatDay(start.slice(0, 10), language)}`;
  const endDay = end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : `${formatDay(end.slice(0, 10), language)} ${end.slice(11)}`;
  return GROUPS_TEXTS[language].timeRange(day, start.slice(11), endDay);
}

export type MeetingMailKind = 'invitation' | 'changed' | 'cancelled';

export function meetingMail(kind: MeetingMailKind, meeting: MeetingRow, municipalityName: string | null, language: Language, linkBase: string): { subject: string; text: string } {
  const t = GROUPS_TEXTS[language];
  const when = meetingWhen(meeting, language);
  const subject = { invitation: t.invitationSubject, changed: t.changedSubject, cancelled: t.cancelledSubject }[kind](meeting.groupName, when);
  const intro = { invitation: t.invitationIntro, changed: t.changedIntro, cancelled: t.cancelledIntro }[kind](meeting.groupName);
  const lines = [intro, '', t.title(meeting.title), t.when(when)];
  if (meeting.municipalityCode) lines.push(t.where([meeting.address, municipalityName].filter(Boolean).join(', ')));
  if (meeting.onlineUrl) lines.push(t.online(meeting.onlineUrl));
  if (kind !== 'cancelled' && meeting.agenda.length > 0) {
    lines.push('', t.agenda, ...meeting.agenda.map((item, index) => `${index + 1}. ${item.title}`));
  }
  lines.push('', t.page(`${linkBase}${meetingPagePath(meeting.id)}`), t.calendar(`${linkBase}/api/meetings/${meeting.id}/calendar.ics`));
  return { subject, text: lines.join('\n') };
}

/** Queues one message per person, in their language; returns how many. */
export async function mailPeople(
  tx: DbExecutor,
  people: Person[],
  compose: (language: Language) => { subject: string; text: string },
  topic: { topicType: string; topicId: string; districtId: string },
): Promise<number> {
  const seen = new Set<string>();
  let count = 0;
  for (const person of people) {
    if (!person.isActive || seen.has(person.email.toLowerCase())) continue;
    seen.add(person.email.toLowerCase());
    await queueMail(tx, { to: person.email, ...compose(person.language), ...topic });
    count += 1;
  }
  return count;
}
