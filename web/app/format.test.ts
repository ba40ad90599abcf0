import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatTime } from './format';

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
