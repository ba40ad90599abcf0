/**
 * Calendar days as the platform stores them ('YYYY-MM-DD'), counted in Italy: a survey closing on the 30th accepts
 * answers until midnight in Rome, a commitment due on the 30th is late from the 31st in Rome, whatever the server's
 * time zone. Every module reads "today" and moves days through these functions.
 */

/** Today's date in Italy ('YYYY-MM-DD'). */
export function todayInItaly(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The day `days` after (or, negative, before) a calendar day. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The same day `months` later; the month's last day when it has no such day (31 January + 1 month: 28 February). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}
