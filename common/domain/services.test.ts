import { describe, expect, it } from 'vitest';
import { describeSchedule, freshnessOf } from './services';

const rule = (overrides: Partial<Parameters<typeof describeSchedule>[0]>) => ({
  freq: 'WEEKLY' as const, byday: [], bymonthday: [], opensAt: null, closesAt: null, notes: '', ...overrides,
});

describe('describeSchedule', () => {
  it('says weekly opening times in plain Italian and English', () => {
    expect(describeSchedule(rule({ byday: ['FR', 'MO', 'WE'], opensAt: '09:00', closesAt: '12:30' }))).toBe('Lunedì, mercoledì e venerdì dalle 9:00 alle 12:30');
    expect(describeSchedule(rule({ byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '18:00' }))).toBe('Dal lunedì al venerdì dalle 8:00 alle 18:00');
    expect(describeSchedule(rule({ byday: ['SA'] }))).toBe('Sabato');
    expect(describeSchedule(rule({ byday: ['TU', 'TH'], opensAt: '09:00', closesAt: '12:30' }), 'en')).toBe('Tuesday and Thursday from 9:00 to 12:30');
  });

  it('says monthly rules and notes', () => {
    expect(describeSchedule(rule({ freq: 'MONTHLY', bymonthday: [15, 1], opensAt: '17:00', closesAt: '19:00', notes: 'gruppo' }))).toBe(
      'Ogni mese, i giorni 1 e 15 dalle 17:00 alle 19:00 (gruppo)',
    );
  });
});

describe('freshnessOf', () => {
  it('is fresh up to 30 days, aging up to six months, then stale', () => {
    const today = new Date('2026-11-22T10:00:00Z');
    expect(freshnessOf('2026-11-22', today)).toEqual({ days: 0, freshness: 'fresh' });
    expect(freshnessOf('2026-10-23', today)).toEqual({ days: 30, freshness: 'fresh' });
    expect(freshnessOf('2026-08-01', today)).toEqual({ days: 113, freshness: 'aging' });
    expect(freshnessOf('2026-03-01', today)).toEqual({ days: 266, freshness: 'stale' });
  });
});
