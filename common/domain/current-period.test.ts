import { describe, expect, it } from 'vitest';
import { hasPeriodEnded, isCurrentPeriod } from './current-period';

describe('isCurrentPeriod: started on or before today, and the end day itself still current', () => {
  const today = '2026-06-15';
  it.each([
    ['started today, no end', '2026-06-15', null, true],
    ['started long ago, no end', '2020-01-01', null, true],
    ['starts tomorrow', '2026-06-16', null, false],
    ['ends today (the last day counts)', '2026-01-01', '2026-06-15', true],
    ['ended yesterday', '2026-01-01', '2026-06-14', false],
    ['ends tomorrow', '2026-01-01', '2026-06-16', true],
    ['one-day period, today', '2026-06-15', '2026-06-15', true],
    ['future period with an end', '2026-07-01', '2026-12-31', false],
  ] as const)('%s', (_name, startsOn, endsOn, expected) => {
    expect(isCurrentPeriod(startsOn, endsOn, today)).toBe(expected);
  });

  it('has ended only after its end day; a period that starts later has not ended', () => {
    expect(hasPeriodEnded(null, today)).toBe(false);
    expect(hasPeriodEnded('2026-06-15', today)).toBe(false);
    expect(hasPeriodEnded('2026-06-14', today)).toBe(true);
  });
});
