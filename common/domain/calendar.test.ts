import { describe, expect, it } from 'vitest';
import { addDays, addMonths, todayInItaly } from './calendar';

describe('calendar days in Italy', () => {
  it('counts today in Rome: 23:30 UTC is already the next day there, in summer and in winter', () => {
    expect(todayInItaly(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(todayInItaly(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInItaly(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12-31');
    expect(todayInItaly(new Date('2026-07-15T21:59:00Z'))).toBe('2026-07-15');
    expect(todayInItaly(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
  });
  it('moves days across months, years, leap days and the clock changes', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-05-10', 0)).toBe('2026-05-10');
    expect(addDays('2026-05-10', 30)).toBe('2026-06-09');
  });
  it('moves months, keeping the day or taking the month\'s last one', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-15', 14)).toBe('2029-02-15');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10');
  });
});
