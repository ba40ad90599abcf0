import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZMoney, zMoneyCents } from '../contracts/money';
import {
  addMoney,
  allocate,
  allocateByPercentages,
  euros,
  formatMoney,
  formatMoneyInput,
  isSameMoney,
  MONEY_CENTS_MAX,
  moneyFromEuroNumber,
  moneyLocaleOf,
  moneyOfCents,
  multiplyMoney,
  parseMoney,
  percentOf,
  splitEvenly,
  subtractMoney,
  sumMoney,
  toDecimalString,
  toEuroNumber,
  ZERO_EUR,
  type Money,
} from './money';

const cents = (money: readonly Money[]) => money.map((part) => part.cents);
// Non-breaking spaces differ between ICU versions ("33,34 €" uses U+00A0); compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
// Amounts large enough to matter, small enough that a product with a weight stays exact in the checks below.
const arbitraryCents = fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 });
const arbitraryWeights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }).filter((weights) => weights.some((weight) => weight > 0));

describe('constructing an amount', () => {
  it('takes whole cents and refuses fractions of a cent or unsafe integers', () => {
    expect(moneyOfCents(1250)).toEqual({ cents: 1250, currency: 'EUR' });
    expect(moneyOfCents(-5).cents).toBe(-5);
    expect(Object.is(moneyOfCents(-0).cents, 0)).toBe(true);
    expect(moneyOfCents(MONEY_CENTS_MAX).cents).toBe(MONEY_CENTS_MAX);
    expect(moneyOfCents(-MONEY_CENTS_MAX).cents).toBe(-MONEY_CENTS_MAX);
    expect(() => moneyOfCents(12.5)).toThrow(/whole number of cents within ±9007199254740991, not 12.5/);
    expect(() => moneyOfCents(MONEY_CENTS_MAX + 1)).toThrow(RangeError);
    expect(() => moneyOfCents(Number.NaN)).toThrow(RangeError);
    expect(() => moneyOfCents(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(ZERO_EUR).toEqual({ cents: 0, currency: 'EUR' });
  });

  it('reads euros written the Italian or the English way, exactly', () => {
    const read = (text: string) => {
      const result = parseMoney(text);
      return result.ok ? result.money.cents : result.problem;
    };
    expect(read('12,50')).toBe(1250);
    expect(read('12.50')).toBe(1250);
    expect(read('12,5')).toBe(1250);
    expect(read('12.5')).toBe(1250);
    expect(read('12')).toBe(1200);
    expect(read('0,05')).toBe(5);
    expect(read('0.1')).toBe(10);
    expect(read(' 7 ')).toBe(700);
    expect(read('€ 7,20')).toBe(720);
    expect(read('7,20 €')).toBe(720);
    expect(read('7.20EUR')).toBe(720);
    expect(read('7,20 eur')).toBe(720);
    expect(read('€7,20€')).toBe(720);
    expect(read('-3,20')).toBe(-320);
    expect(read('1.234,56')).toBe(123456);
    expect(read('1,234.56')).toBe(123456);
    expect(read('12.345.678,90')).toBe(1234567890);
    expect(read('1\u00a0234,56')).toBe(123456);
    expect(read('')).toBe('empty');
    expect(read('   ')).toBe('empty');
    expect(read('€')).toBe('empty');
    // "1.234" is a thousand to an Italian and one euro to an English reader: refused rather than guessed, as such.
    expect(read('1.234')).toBe('grouping');
    expect(read('1,234')).toBe('grouping');
    expect(read('2.600')).toBe('grouping');
    expect(read('12,505')).toBe('grouping');
    expect(read('123.505')).toBe('grouping');
    expect(read('-2.600')).toBe('grouping');
    // Only decimals can follow four integer digits, or come after a grouped thousand: too many of them is precision.
    expect(read('1234,505')).toBe('precision');
    expect(read('1.234,567')).toBe('precision');
    expect(read('1,234.567')).toBe('precision');
    expect(read('12,5050')).toBe('precision');
    expect(read('abc')).toBe('format');
    expect(read('12,')).toBe('format');
    expect(read(',5')).toBe('format');
    expect(read('1,2,3')).toBe('format');
    expect(read('1.23,45')).toBe('format');
    expect(read('1,234,5')).toBe('format');
    expect(read('+5')).toBe('format');
    expect(read('5-')).toBe('format');
    expect(read('1e3')).toBe('format');
    expect(read('12 € 50')).toBe('format');
    expect(read('99999999999999999')).toBe('range');
  });

  it('reads back every amount it writes, in both locales', () => {
    fc.assert(
      fc.property(arbitraryCents, (amount) => {
        const money = moneyOfCents(amount);
        for (const text of [toDecimalString(money), formatMoneyInput(money, 'it'), formatMoneyInput(money, 'en')]) {
          const parsed = parseMoney(text);
          expect(parsed).toEqual({ ok: true, money });
        }
      }),
    );
  });

  it('throws on euros a program wrote wrong', () => {
    expect(euros('33,34')).toEqual(moneyOfCents(3334));
    expect(() => euros('33,3450')).toThrow(/precision/);
    expect(() => euros('33,345')).toThrow(/grouping/);
    expect(() => euros('')).toThrow(/empty/);
  });

  it('takes a float number of euros only when it is whole cents', () => {
    expect(moneyFromEuroNumber(12.5).cents).toBe(1250);
    expect(moneyFromEuroNumber(0.1 + 0.2).cents).toBe(30);
    expect(moneyFromEuroNumber(19.99).cents).toBe(1999);
    expect(moneyFromEuroNumber(-4.35).cents).toBe(-435);
    expect(moneyFromEuroNumber(0).cents).toBe(0);
    expect(() => moneyFromEuroNumber(12.505)).toThrow(/12.505 euros is not a whole number of cents/);
    expect(() => moneyFromEuroNumber(0.001)).toThrow(RangeError);
    expect(() => moneyFromEuroNumber(Number.NaN)).toThrow(/NaN is not an amount of euros/);
    expect(() => moneyFromEuroNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    fc.assert(
      fc.property(arbitraryCents, (amount) => {
        expect(moneyFromEuroNumber(toEuroNumber(moneyOfCents(amount))).cents).toBe(amount);
      }),
    );
  });
});

describe('arithmetic', () => {
  it('adds, subtracts and sums in cents', () => {
    expect(addMoney(euros('0,10'), euros('0,20'))).toEqual(euros('0,30'));
    expect(subtractMoney(euros('10'), euros('0,01'))).toEqual(euros('9,99'));
    expect(subtractMoney(euros('1'), euros('2'))).toEqual(euros('-1'));
    expect(sumMoney([euros('33,34'), euros('33,33'), euros('33,33')])).toEqual(euros('100'));
    expect(sumMoney([])).toEqual(ZERO_EUR);
    expect(() => addMoney(moneyOfCents(MONEY_CENTS_MAX), moneyOfCents(1))).toThrow(RangeError);
    expect(() => addMoney(moneyOfCents(1), { cents: 1, currency: 'USD' as 'EUR' })).toThrow(/cannot combine EUR with USD/);
    expect(() => subtractMoney({ cents: 1, currency: 'USD' as 'EUR' }, moneyOfCents(1))).toThrow(/USD/);
    expect(isSameMoney(euros('1'), moneyOfCents(100))).toBe(true);
    expect(isSameMoney(euros('1'), moneyOfCents(101))).toBe(false);
    expect(isSameMoney(euros('1'), { cents: 100, currency: 'USD' as 'EUR' })).toBe(false);
    fc.assert(
      fc.property(arbitraryCents, arbitraryCents, (a, b) => {
        expect(addMoney(moneyOfCents(a), moneyOfCents(b)).cents).toBe(a + b);
        expect(subtractMoney(moneyOfCents(a), moneyOfCents(b)).cents).toBe(a - b);
        expect(subtractMoney(addMoney(moneyOfCents(a), moneyOfCents(b)), moneyOfCents(b)).cents).toBe(a);
      }),
    );
  });

  it('multiplies by a rational share, rounding once, half a cent away from zero', () => {
    expect(multiplyMoney(euros('20'), 3)).toEqual(euros('60'));
    expect(multiplyMoney(euros('100'), 1, 3)).toEqual(euros('33,33'));
    expect(multiplyMoney(euros('100'), 2, 3)).toEqual(euros('66,67'));
    expect(multiplyMoney(moneyOfCents(5), 1, 2).cents).toBe(3); // 2.5 → 3
    expect(multiplyMoney(moneyOfCents(-5), 1, 2).cents).toBe(-3); // −2.5 → −3
    expect(multiplyMoney(moneyOfCents(7), 1, 4).cents).toBe(2); // 1.75 → 2
    expect(multiplyMoney(moneyOfCents(5), 1, 4).cents).toBe(1); // 1.25 → 1
    expect(multiplyMoney(moneyOfCents(-5), 1, 4).cents).toBe(-1);
    expect(multiplyMoney(moneyOfCents(-7), 1, 4).cents).toBe(-2);
    expect(multiplyMoney(moneyOfCents(10), -3).cents).toBe(-30);
    expect(multiplyMoney(moneyOfCents(10), 0).cents).toBe(0);
    // Exact beyond a double: 2⁵³ − 1 cents times 3, divided by 3, is itself (a float would have lost the last digit).
    expect(multiplyMoney(moneyOfCents(MONEY_CENTS_MAX), 3, 3).cents).toBe(MONEY_CENTS_MAX);
    expect(() => multiplyMoney(euros('1'), 1, 0)).toThrow(/must not be zero/);
    expect(() => multiplyMoney(euros('1'), 1, -2)).toThrow(/a divisor must be a whole number ≥ 0, not -2/);
    expect(() => multiplyMoney(euros('1'), 1.5)).toThrow(/a multiplier must be a whole number, not 1.5/);
    expect(() => multiplyMoney(euros('1'), 1, 1.5)).toThrow(RangeError);
    expect(() => multiplyMoney(moneyOfCents(MONEY_CENTS_MAX), 2)).toThrow(RangeError);
    fc.assert(
      fc.property(arbitraryCents, fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (amount, numerator, denominator) => {
        const result = multiplyMoney(moneyOfCents(amount), numerator, denominator).cents;
        // Within half a cent of the exact share, and a half rounds away from zero.
        const twiceError = 2 * result * denominator - 2 * amount * numerator;
        expect(Math.abs(twiceError)).toBeLessThanOrEqual(denominator);
        if (Math.abs(twiceError) === denominator) expect(Math.sign(twiceError)).toBe(Math.sign(amount * numerator));
      }),
    );
  });

  it('takes a percentage of an amount', () => {
    expect(percentOf(euros('80'), 12.5)).toEqual(euros('10'));
    expect(percentOf(euros('100'), 33.3333)).toEqual(euros('33,33'));
    expect(percentOf(euros('0,01'), 50)).toEqual(euros('0,01'));
    expect(percentOf(euros('200'), 0)).toEqual(ZERO_EUR);
    expect(percentOf(euros('200'), 100)).toEqual(euros('200'));
    expect(percentOf(euros('19,99'), 22)).toEqual(euros('4,40')); // 4.3978
    expect(() => percentOf(euros('1'), -1)).toThrow(/a percentage is a number ≥ 0 with at most four decimals, not -1/);
    expect(() => percentOf(euros('1'), 0.00001)).toThrow(RangeError);
    expect(() => percentOf(euros('1'), Number.NaN)).toThrow(RangeError);
    expect(() => percentOf(euros('1'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('splitting a total so the parts add up', () => {
  it('gives the extra cents to the largest remainders, ties to the earlier part', () => {
    expect(cents(splitEvenly(euros('100'), 3))).toEqual([3334, 3333, 3333]);
    expect(cents(splitEvenly(euros('0,02'), 3))).toEqual([1, 1, 0]);
    expect(cents(splitEvenly(euros('-100'), 3))).toEqual([-3334, -3333, -3333]);
    expect(cents(splitEvenly(euros('1'), 1))).toEqual([100]);
    expect(cents(splitEvenly(ZERO_EUR, 2))).toEqual([0, 0]);
    // 100 by 1 : 2 is 33.33… and 66.66…: the second's dropped fraction (.67) is larger, so it gets the cent.
    expect(cents(allocate(euros('100'), [1, 2]))).toEqual([3333, 6667]);
    // 10 cents by 3 : 3 : 4 → 3, 3, 4 exactly; by 1 : 1 : 1 : 1 the first two get the spare cents.
    expect(cents(allocate(moneyOfCents(10), [3, 3, 4]))).toEqual([3, 3, 4]);
    expect(cents(allocate(moneyOfCents(10), [1, 1, 1, 1]))).toEqual([3, 3, 2, 2]);
    // 5 cents by 3 : 7 : 0 : 10 → 0.75, 1.75, 0, 2.5: the two .75 fractions get the spare cents, the .5 does not.
    expect(cents(allocate(moneyOfCents(5), [3, 7, 0, 10]))).toEqual([1, 2, 0, 2]);
    expect(cents(allocate(moneyOfCents(100), [0, 1]))).toEqual([0, 100]);
    expect(allocate(euros('10'), [1, 1]).every((part) => part.currency === 'EUR')).toBe(true);
  });

  it('refuses what cannot be split', () => {
    expect(() => allocate(euros('1'), [])).toThrow(/at least one weight$/);
    expect(() => allocate(euros('1'), [0, 0])).toThrow(/at least one weight above 0/);
    expect(() => allocate(euros('1'), [1, -1])).toThrow(/a weight must be a whole number ≥ 0, not -1/);
    expect(() => allocate(euros('1'), [1.5])).toThrow(RangeError);
    expect(() => splitEvenly(euros('1'), 0)).toThrow(/whole number of parts ≥ 1, not 0/);
    expect(() => splitEvenly(euros('1'), 2.5)).toThrow(RangeError);
  });

  it('always adds up, keeps each part within a cent of its exact share, and gives nothing to a weight of 0', () => {
    fc.assert(
      fc.property(arbitraryCents, arbitraryWeights, (amount, weights) => {
        const parts = cents(allocate(moneyOfCents(amount), weights));
        expect(parts).toHaveLength(weights.length);
        expect(parts.reduce((sum, part) => sum + part, 0)).toBe(amount);
        const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
        parts.forEach((part, index) => {
          const exact = (BigInt(amount) * BigInt(weights[index]!)) / BigInt(totalWeight); // truncated toward zero
          expect(Math.abs(part - Number(exact))).toBeLessThanOrEqual(1);
          expect(Math.abs(part)).toBeGreaterThanOrEqual(Math.abs(Number(exact)));
          if (weights[index] === 0) expect(part).toBe(0);
        });
      }),
    );
  });

  it('splits evenly: parts differ by at most one cent, the larger ones first, and a negative total mirrors a positive one', () => {
    fc.assert(
      fc.property(arbitraryCents, fc.integer({ min: 1, max: 50 }), (amount, count) => {
        const parts = cents(splitEvenly(moneyOfCents(amount), count));
        expect(parts.reduce((sum, part) => sum + part, 0)).toBe(amount);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        const magnitudes = parts.map(Math.abs);
        expect(magnitudes).toEqual([...magnitudes].sort((a, b) => b - a));
        expect(cents(splitEvenly(moneyOfCents(-amount), count))).toEqual(parts.map((part) => (part === 0 ? 0 : -part)));
      }),
    );
  });

  it('does not depend on anything but the amount, the weights and their order', () => {
    fc.assert(
      fc.property(arbitraryCents, arbitraryWeights, (amount, weights) => {
        expect(allocate(moneyOfCents(amount), weights)).toEqual(allocate(moneyOfCents(amount), [...weights]));
        // Scaling every weight by the same factor changes nothing.
        expect(cents(allocate(moneyOfCents(amount), weights.map((weight) => weight * 3)))).toEqual(cents(allocate(moneyOfCents(amount), weights)));
      }),
    );
  });

  it('splits by percentages that add up to 100', () => {
    expect(cents(allocateByPercentages(euros('100'), [50, 30, 20]))).toEqual([5000, 3000, 2000]);
    expect(cents(allocateByPercentages(euros('0,10'), [33.3333, 33.3333, 33.3334]))).toEqual([3, 3, 4]);
    expect(cents(allocateByPercentages(euros('100'), [100]))).toEqual([10000]);
    expect(() => allocateByPercentages(euros('100'), [50, 30])).toThrow(/must add up to 100, not 50 \+ 30/);
    expect(() => allocateByPercentages(euros('100'), [50, 60])).toThrow(/100/);
    expect(() => allocateByPercentages(euros('100'), [150, -50])).toThrow(RangeError);
  });
});

describe('writing an amount', () => {
  it('as exact decimal text and as a JSON number', () => {
    expect(toDecimalString(euros('33,34'))).toBe('33.34');
    expect(toDecimalString(moneyOfCents(5))).toBe('0.05');
    expect(toDecimalString(moneyOfCents(-5))).toBe('-0.05');
    expect(toDecimalString(moneyOfCents(-1234))).toBe('-12.34');
    expect(toDecimalString(ZERO_EUR)).toBe('0.00');
    expect(toDecimalString(moneyOfCents(123456))).toBe('1234.56');
    expect(toDecimalString(moneyOfCents(MONEY_CENTS_MAX))).toBe('90071992547409.91');
    expect(toEuroNumber(euros('12,50'))).toBe(12.5);
    expect(toEuroNumber(moneyOfCents(-5))).toBe(-0.05);
  });

  it('for people, in Italian and English', () => {
    expect(plain(formatMoney(euros('33,34'), 'it'))).toBe('33,34 €');
    expect(plain(formatMoney(euros('33,34'), 'en'))).toBe('€33.34');
    expect(plain(formatMoney(euros('12345,6'), 'it'))).toBe('12.345,60 €');
    expect(plain(formatMoney(euros('12345,6'), 'en'))).toBe('€12,345.60');
    expect(plain(formatMoney(moneyOfCents(-5), 'it'))).toBe('-0,05 €');
    expect(plain(formatMoney(ZERO_EUR, 'en'))).toBe('€0.00');
    // No float on the way: the last cent of the largest amount survives.
    expect(plain(formatMoney(moneyOfCents(MONEY_CENTS_MAX), 'en'))).toBe('€90,071,992,547,409.91');
    expect(formatMoneyInput(euros('12,5'), 'it')).toBe('12,50');
    expect(formatMoneyInput(euros('12,5'), 'en')).toBe('12.50');
    expect(formatMoneyInput(moneyOfCents(-1), 'it')).toBe('-0,01');
    expect(moneyLocaleOf('en')).toBe('en');
    expect(moneyLocaleOf('en-US')).toBe('en');
    expect(moneyLocaleOf('EN')).toBe('en');
    expect(moneyLocaleOf('it')).toBe('it');
    expect(moneyLocaleOf('de')).toBe('it');
    expect(moneyLocaleOf(undefined)).toBe('it');
  });
});

describe('the money contract', () => {
  it('accepts whole cents within the safe range and names what it refuses', () => {
    expect(zMoneyCents().parse(1250)).toBe(1250);
    expect(zMoneyCents().parse(-MONEY_CENTS_MAX)).toBe(-MONEY_CENTS_MAX);
    expect(zMoneyCents().safeParse(12.5).success).toBe(false);
    expect(zMoneyCents().safeParse(MONEY_CENTS_MAX + 2).success).toBe(false);
    expect(zMoneyCents().safeParse(-MONEY_CENTS_MAX - 2).success).toBe(false);
    expect(zMoneyCents().safeParse('1250').success).toBe(false);
    expect(ZMoney.parse({ cents: 3334, currency: 'EUR' })).toEqual({ cents: 3334, currency: 'EUR' });
    expect(ZMoney.safeParse({ cents: 3334, currency: 'USD' }).success).toBe(false);
    expect(ZMoney.safeParse({ cents: 3334, currency: 'EUR', euros: 33.34 }).success).toBe(false);
  });
});
