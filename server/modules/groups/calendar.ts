import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { GROUPS_TIME_ZONE, instantToRomeLocal } from '../../../common/domain/groups';
import type { Language } from '../../platform/texts';
import { GROUPS_TEXTS } from './groups.texts';
import type { MeetingRow } from './groups.repository';

/**
 * The Europe/Rome time zone as iCalendar describes it (the EU rule since 1996: summer time from the last Sunday of
 * March to the last Sunday of October), so a calendar app never has to guess what TZID=Europe/Rome means.
 */
const EUROPE_ROME_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Rome',
  'X-LIC-LOCATION:Europe/Rome',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** A meeting's calendar UID: stable for its whole life, so a changed or cancelled meeting replaces the same event. */
export const meetingUid = (meetingId: string) => `meeting-${meetingId}@distretto`;

/**
 * ical-generator writes a Date's UTC fields after TZID: hand it the Europe/Rome wall clock as if it were UTC, so
 * DTSTART;TZID=Europe/Rome carries the local time of the instant.
 */
const wallClock = (instant: string) => new Date(`${instantToRomeLocal(new Date(instant))}:00Z`);

function newCalendar(name: string): ICalCalendar {
  return ical({ name, prodId: { company: 'Distretto', product: 'Tavoli di lavoro', language: 'IT' }, timezone: { name: GROUPS_TIME_ZONE, generator: () => EUROPE_ROME_VTIMEZONE } });
}

function addMeeting(calendar: ICalCalendar, meeting: MeetingRow, municipalityName: string | null, pageUrl: string | null): void {
  const place = meeting.municipalityCode ? [meeting.address, municipalityName].filter(Boolean).join(', ') : null;
  const description = meeting.agenda.map((item, index) => `${index + 1}. ${item.title}`).join('\n');
  calendar.createEvent({
    id: meetingUid(meeting.id),
    sequence: meeting.sequence,
    start: wallClock(meeting.startsAt),
    end: wallClock(meeting.endsAt),
    timezone: GROUPS_TIME_ZONE,
    summary: `${meeting.groupName}: ${meeting.title}`,
    description: description || null,
    location: place ?? meeting.onlineUrl,
    url: meeting.onlineUrl ?? pageUrl,
    status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** One meeting as an .ics file. */
export function meetingCalendar(meeting: MeetingRow, municipalityName: string | null, pageUrl: string | null): string {
  const calendar = newCalendar(meeting.title);
  addMeeting(calendar, meeting, municipalityName, pageUrl);
  return calendar.toString();
}

/** Every meeting of a group (cancelled ones stay, marked CANCELLED, so subscribed calendars drop them). */
export function groupCalendar(groupName: string, meetings: MeetingRow[], municipalityNames: Map<string, string>, language: Language): string {
  const calendar = newCalendar(GROUPS_TEXTS[language].feedName(groupName));
  for (const meeting of meetings) addMeeting(calendar, meeting, meeting.municipalityCode ? (municipalityNames.get(meeting.municipalityCode) ?? null) : null, null);
  return calendar.toString();
}
