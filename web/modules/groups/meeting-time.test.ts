import { describe, expect, it } from 'vitest';
import { formatDueDay, formatMeetingDay, formatMeetingTime } from './meeting-time';

describe('formatMeetingTime', () => {
  it('says the day of the week, the day and the hours in Rome, in Italian', () => {
    // 16:30 UTC in January is 17:30 in Rome (winter time).
    expect(formatMeetingTime('2027-01-11T16:30:00Z', '2027-01-11T18:00:00Z', 'it')).toBe('lunedì 11 gennaio 2027, 17:30–19:00');
  });
  it('uses summer time in summer', () => {
    expect(formatMeetingTime('2027-06-14T15:00:00Z', '2027-06-14T16:30:00Z', 'it')).toBe('lunedì 14 giugno 2027, 17:00–18:30');
  });
  it('writes the whole sentence in English for an English reader', () => {
    expect(formatMeetingTime('2027-01-11T16:30:00Z', '2027-01-11T18:00:00Z', 'en')).toBe('Monday, January 11, 2027, 17:30–19:00');
  });
  it('names the day in Rome even when it is still the day before in UTC', () => {
    // 23:30 UTC on Sunday the 10th is 00:30 on Monday the 11th in Rome.
    expect(formatMeetingDay('2027-01-10T23:30:00Z', 'it')).toBe('lunedì 11 gennaio 2027');
  });
  it('names both days when the meeting ends on another day', () => {
    expect(formatMeetingTime('2027-01-11T20:00:00Z', '2027-01-12T08:00:00Z', 'it')).toBe('lunedì 11 gennaio 2027, 21:00 – martedì 12 gennaio 2027, 09:00');
  });
  it('says the start alone without an end, and nothing for a value that is not a date', () => {
    expect(formatMeetingTime('2027-01-11T16:30:00Z', null, 'it')).toBe('lunedì 11 gennaio 2027, 17:30');
    expect(formatMeetingTime('domani', null, 'it')).toBe('');
  });
});

describe('formatDueDay', () => {
  it('reads a calendar day with its weekday, never moved to the day before', () => {
    expect(formatDueDay('2027-01-15', 'it')).toBe('venerdì 15 gennaio 2027');
    expect(formatDueDay('2027-01-15', 'en')).toBe('Friday, January 15, 2027');
  });
});
