/**
 * The one rule for "current" (issue 12): a district membership, a role with dates, a district body member is current
 * from its start day through its end day, both inclusive — started on or before today and not ended before today.
 * An end date is the last day the period still holds (someone who leaves "on the 31st" is a member on the 31st), so
 * ending a membership today takes effect tomorrow. A period without an end date never ends.
 *
 * The database has the same rule as SQL functions (server/platform/migrations/202612061400_current_period.sql:
 * `is_current_period(starts_on, ends_on)`, `has_period_ended(ends_on)`), evaluated against `current_date`; this copy
 * serves the web and use cases that hold the dates already. Dates are ISO days ('YYYY-MM-DD'), compared as text.
 */
export function isCurrentPeriod(startsOn: string, endsOn: string | null, today: string): boolean {
  return startsOn <= today && !hasPeriodEnded(endsOn, today);
}

/** Ended: its end day is before today. Open proposals and memberships that start later have not ended. */
export function hasPeriodEnded(endsOn: string | null, today: string): boolean {
  return endsOn !== null && endsOn < today;
}
