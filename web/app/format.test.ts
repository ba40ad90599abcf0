import { describe, expect, it } from 'vitest';
import { formatCoverage, formatDateTime, formatDay, formatDecimal, formatFileSize, formatInstantDay, formatNumber, formatShare, formatTime } from './format';

describe('formatNumber', () => {
  it('groups thousands the Italian way in Italian and the English way in English', () => {
    expect(formatNumber(35_000, 'it')).toBe('35.000');
    expect(formatNumber(35_000, 'en')).toBe('35,000');
  });
  it('groups four-digit numbers too, so columns read consistently', () => {
    expect(formatNumber(3608, 'it')).toBe('3.608');
  });
  it('rounds to whole numbers', () => {
    expect(formatNumber(1234.6, 'en')).toBe('1,235');
  });
});

describe('formatDateTime', () => {
  it('formats in the requested time zone', () => {
    expect(formatTime('2024-03-01T10:05:00Z', 'it', 'Europe/Rome')).toBe('11:05');
    expect(formatDateTime('2024-03-01T10:05:00Z', 'en', 'UTC')).toContain('2024');
  });
  it('returns the input when it is not a date', () => {
    expect(formatDateTime('not a date', 'it')).toBe('not a date');
  });
});

describe('formatDay', () => {
  it('says a calendar day in the language, never the day before whatever the time zone', () => {
    expect(formatDay('2026-01-01', 'it')).toBe('1 gen 2026');
    expect(formatDay('2026-01-01', 'en')).toBe('Jan 1, 2026');
    expect(formatDay('2026-12-31T23:30:00Z', 'it')).toBe('31 dic 2026');
  });
  it('returns the input when it is not a day', () => {
    expect(formatDay('soon', 'it')).toBe('soon');
  });
});

describe('formatCoverage', () => {
  it('shows two decimals with the language decimal separator: 6 free places for 7 people', () => {
    expect(formatCoverage(6 / 7, 'it')).toBe('0,86');
    expect(formatCoverage(6 / 7, 'en')).toBe('0.86');
    expect(formatCoverage(1, 'it')).toBe('1,00');
    expect(formatCoverage(1234.5, 'en')).toBe('1,234.50');
  });
  it('never shows a value below the threshold as equal to it', () => {
    expect(formatCoverage(0.996, 'it', 1)).toBe('0,996');
    expect(formatCoverage(0.99999, 'en', 1)).toBe('0.99999');
    expect(formatCoverage(0.9999999, 'en', 1)).toBe('0.999999');
    expect(formatCoverage(6 / 7, 'it', 1)).toBe('0,86');
  });
  it('never shows a value at or above the threshold as below it', () => {
    expect(formatCoverage(0.8551, 'en', 0.855)).toBe('0.86');
    expect(formatCoverage(0.8449, 'en', 0.8445)).toBe('0.845');
    expect(formatCoverage(1, 'it', 1)).toBe('1,00');
  });
});

describe('formatDecimal', () => {
  it('drops trailing zeros and uses the language separator', () => {
    expect(formatDecimal(0.8, 'it')).toBe('0,8');
    expect(formatDecimal(1, 'en')).toBe('1');
    expect(formatDecimal(2.345, 'en', 1)).toBe('2.3');
  });
});

describe('formatShare', () => {
  it('shows a percentage with one decimal in each language', () => {
    expect(formatShare(0.25, 'it')).toBe('25%');
    expect(formatShare(0.123, 'en')).toBe('12.3%');
    expect(formatShare(0.123, 'it')).toBe('12,3%');
  });
  it('never rounds a share that is not whole or nothing to 100% or 0%', () => {
    expect(formatShare(0.9996, 'it')).toBe('99,96%');
    expect(formatShare(0.0004, 'en')).toBe('0.04%');
    expect(formatShare(1, 'en')).toBe('100%');
    expect(formatShare(0, 'en')).toBe('0%');
    expect(formatShare(0.0000001, 'en')).toBe('<0.001%');
  });
});

describe('formatInstantDay', () => {
  it("says the day an instant fell on in Italy, not in UTC or the browser's zone", () => {
    expect(formatInstantDay('2026-03-31T22:30:00Z', 'it')).toBe('1 apr 2026');
    expect(formatInstantDay('2026-12-31T22:59:00Z', 'it')).toBe('31 dic 2026');
    expect(formatInstantDay('2026-12-31T23:00:00Z', 'en')).toBe('Jan 1, 2027');
    expect(formatInstantDay('not a date', 'it')).toBe('not a date');
  });
});

describe('formatFileSize', () => {
  it('writes bytes, kilobytes and megabytes the reader’s way', () => {
    expect(formatFileSize(512, 'it')).toBe('512 B');
    expect(formatFileSize(12_800, 'it')).toBe('13 kB');
    expect(formatFileSize(1_468_006, 'it')).toBe('1,4 MB');
    expect(formatFileSize(1_468_006, 'en')).toBe('1.4 MB');
  });
});
