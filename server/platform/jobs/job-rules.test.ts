import { describe, expect, it } from 'vitest';
import { periodKeyAt, retryDelaySeconds } from './job-rules';

describe('retry delay', () => {
  it('doubles from the base after each failed attempt and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelaySeconds(attempt))).toEqual([10, 20, 40, 80, 160]);
    expect(retryDelaySeconds(9)).toBe(2560);
    expect(retryDelaySeconds(10)).toBe(3600);
    expect(retryDelaySeconds(1000)).toBe(3600);
    expect(retryDelaySeconds(3, { baseSeconds: 1, capSeconds: 3 })).toBe(3);
  });
});

describe('period of a cron schedule in Europe/Rome', () => {
  it('names the period by its start in Italian wall-clock time, whatever the instant is in UTC', () => {
    expect(periodKeyAt('0 8 * * *', new Date('2026-12-06T06:59:00Z'))).toBe('2026-12-05 08:00'); // 07:59 in Rome
    expect(periodKeyAt('0 8 * * *', new Date('2026-12-06T07:00:00Z'))).toBe('2026-12-06 08:00');
    expect(periodKeyAt('0 8 * * *', new Date('2026-07-06T06:00:00Z'))).toBe('2026-07-06 08:00'); // summer: UTC+2
    expect(periodKeyAt('* * * * *', new Date('2026-12-06T10:15:42Z'))).toBe('2026-12-06 11:15');
  });

  it('gives the same key to every instant of one period, and a new key to the next', () => {
    const keys = ['2026-12-06T07:00:00Z', '2026-12-06T12:00:00Z', '2026-12-07T06:59:59Z'].map((at) => periodKeyAt('0 8 * * *', new Date(at)));
    expect(new Set(keys).size).toBe(1);
    expect(periodKeyAt('0 8 * * *', new Date('2026-12-07T07:00:00Z'))).not.toBe(keys[0]);
  });

  it('fires once when summer time begins, though 02:30 does not exist that night', () => {
    // 2026-03-29: clocks go from 02:00 to 03:00 in Rome; the 02:30 run happens at 03:00, once.
    const before = periodKeyAt('30 2 * * *', new Date('2026-03-29T00:59:00Z'));
    const after = periodKeyAt('30 2 * * *', new Date('2026-03-29T01:00:00Z'));
    const later = periodKeyAt('30 2 * * *', new Date('2026-03-29T20:00:00Z'));
    expect(before).toBe('2026-03-28 02:30');
    expect(after).toBe('2026-03-29 03:00');
    expect(later).toBe(after);
  });

  it('fires once when summer time ends, though 02:30 happens twice that night', () => {
    // 2026-10-25: 02:30 CEST is 00:30 UTC, 02:30 CET is 01:30 UTC; both belong to one period.
    const first = periodKeyAt('30 2 * * *', new Date('2026-10-25T00:30:00Z'));
    const second = periodKeyAt('30 2 * * *', new Date('2026-10-25T01:30:00Z'));
    expect(first).toBe('2026-10-25 02:30');
    expect(second).toBe(first);
  });
});
