/**
 * Meeting times as people read them: the day of the week first, in the interface language, always in the time zone
 * of the district (Europe/Rome), whatever the browser's: "lunedì 11 gennaio 2027, 17:30–19:00".
 */
export const MEETING_TIME_ZONE = 'Europe/Rome';

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();
const keyFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(locale: string): Intl.DateTimeFormat {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: MEETING_TIME_ZONE });
    dayFormats.set(locale, format);
  }
  return format;
}

function timeFormat(locale: string): Intl.DateTimeFormat {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: MEETING_TIME_ZONE });
    timeFormats.set(locale, format);
  }
  return format;
}

/** The calendar day of an instant in Rome, as 'YYYY-MM-DD' (to compare days, never shown). */
export function romeDayOf(instant: Date): string {
  let format = keyFormats.get('key');
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: MEETING_TIME_ZONE });
    keyFormats.set('key', format);
  }
  return format.format(instant);
}

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "lunedì 11 gennaio 2027" / "Monday, January 11, 2027": the day of an instant in Rome. */
export function formatMeetingDay(iso: string, locale: string): string {
  const date = parse(iso);
  return date ? dayFormat(locale).format(date) : '';
}

/** "17:30" in Rome. */
export function formatMeetingClock(iso: string, locale: string): string {
  const date = parse(iso);
  return date ? timeFormat(locale).format(date) : '';
}

/**
 * When a meeting takes place: "lunedì 11 gennaio 2027, 17:30–19:00"; a meeting that ends on another day names both
 * days ("lunedì 11 gennaio 2027, 17:30 – martedì 12 gennaio 2027, 09:00"); without an end, the start alone.
 */
export function formatMeetingTime(startsAt: string, endsAt: string | null | undefined, locale: string): string {
  const start = parse(startsAt);
  if (!start) return '';
  const startText = `${dayFormat(locale).format(start)}, ${timeFormat(locale).format(start)}`;
  const end = endsAt ? parse(endsAt) : null;
  if (!end) return startText;
  if (romeDayOf(start) === romeDayOf(end)) return `${startText}–${timeFormat(locale).format(end)}`;
  return `${startText} – ${dayFormat(locale).format(end)}, ${timeFormat(locale).format(end)}`;
}

/** A calendar day ('YYYY-MM-DD', e.g. an action's due date) with its day of the week: "venerdì 15 gennaio 2027". */
export function formatDueDay(day: string, locale: string): string {
  // Noon UTC is the same calendar day in Rome, summer or winter.
  const date = parse(`${day.slice(0, 10)}T12:00:00Z`);
  return date ? dayFormat(locale).format(date) : '';
}
