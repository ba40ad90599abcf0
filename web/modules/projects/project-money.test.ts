import { describe, expect, it } from 'vitest';
import { formatCents, readAmountField } from './project-money';

describe('project amounts', () => {
  it('writes cents as euros the Italian way, with thousands and the euro sign after', () => {
    expect(formatCents(123_456_789, 'it').replace(/\s/g, ' ')).toBe('1.234.567,89 €');
    expect(formatCents(5, 'it').replace(/\s/g, ' ')).toBe('0,05 €');
    expect(formatCents(0, 'it').replace(/\s/g, ' ')).toBe('0,00 €');
  });

  it('writes them the English way in English', () => {
    expect(formatCents(123_456_789, 'en')).toBe('€1,234,567.89');
  });

  it('reads what people type into cents exactly, without a float', () => {
    expect(readAmountField('1.234,56')).toEqual({ ok: true, cents: 123_456 });
    expect(readAmountField('0,29')).toEqual({ ok: true, cents: 29 });
    expect(readAmountField('€ 7,5')).toEqual({ ok: true, cents: 750 });
    expect(readAmountField('150')).toEqual({ ok: true, cents: 15_000 });
  });

  it('refuses negative amounts, more than two decimals and words', () => {
    expect(readAmountField('-3,20')).toEqual({ ok: false, problem: 'negative' });
    expect(readAmountField('12,505')).toEqual({ ok: false, problem: 'grouping' });
    expect(readAmountField('dieci')).toEqual({ ok: false, problem: 'format' });
    expect(readAmountField('  ')).toEqual({ ok: false, problem: 'empty' });
  });
});
