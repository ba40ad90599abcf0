/**
 * Money as an integer number of cents and a currency, shared by the server and the web app. Amounts are stored,
 * summed and split as integers, never as binary floats: 0.1 + 0.2 is not 0.3 in a double, and a split of a total
 * that rounds each part on its own may not add up to the total. A float appears only at the edges that ask for one
 * (the HSDS `amount` number) and a decimal string only for people (formatMoney) and files (toDecimalString).
 */

export const CURRENCIES = ['EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface Money {
  readonly cents: number;
  readonly currency: Currency;
}

/**
 * The largest amount in cents we compute with: JavaScript integers are exact up to 2⁵³ − 1, and a PostgreSQL
 * `bigint` column holds more, so this is the bound of every money value (about 90 thousand billion euros).
 */
export const MONEY_CENTS_MAX = Number.MAX_SAFE_INTEGER;

function checkedCents(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`an amount of money is a whole number of cents within ±${MONEY_CENTS_MAX}, not ${cents}`);
  // -0 would print as "-0,00 €".
  return cents === 0 ? 0 : cents;
}

function sameCurrency(a: Money, b: Money): Currency {
  if (a.currency !== b.currency) throw new RangeError(`cannot combine ${a.currency} with ${b.currency}`);
  return a.currency;
}

/** An amount from its integer cents (1250 → 12.50 EUR); a fraction of a cent or an unsafe integer is a RangeError. */
export function moneyOfCents(cents: number, currency: Currency = 'EUR'): Money {
  return { cents: checkedCents(cents), currency };
}

export const ZERO_EUR: Money = moneyOfCents(0);

/**
 * `grouping`: three digits after a single separator ("2.600", "12,505"), which is a thousands group to an Italian and
 * decimals to an English reader; refused rather than guessed, with its own words (the amount needs no separator, or
 * its cents). `precision`: more than two decimals that can only be decimals ("1.234,567", "12,5050").
 */
export type MoneyParseProblem = 'empty' | 'format' | 'grouping' | 'precision' | 'range';
export type MoneyParseResult = { ok: true; money: Money } | { ok: false; problem: MoneyParseProblem };

/**
 * Reads an amount of euros as people write it ("12,50", "12.50", "1.234,56", "€ 7"), exactly, without going through a
 * float. More than two decimals is a `precision` problem rather than a silent rounding: "12,505" is a typing mistake.
 */
export function parseMoney(text: string, currency: Currency = 'EUR'): MoneyParseResult {
  // "12", "12,5", "12.50", "-3,20": one decimal separator, either a comma (Italian) or a point (English).
  const plain = /^(-?)(\d+)(?:[.,](\d+))?$/;
  // Thousands grouped the Italian way ("1.234,56") or the English way ("1,234.56"): accepted only with both
  // separators, since "1.234" alone is 1234 euros to an Italian and 1.234 euros to an English reader.
  const groupedItalian = /^(-?)(\d{1,3}(?:\.\d{3})+),(\d+)$/;
  const groupedEnglish = /^(-?)(\d{1,3}(?:,\d{3})+)\.(\d+)$/;
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^€|€$|^EUR|EUR$/gi, '');
  if (compact === '') return { ok: false, problem: 'empty' };
  const plainMatch = plain.exec(compact);
  const match = plainMatch ?? groupedItalian.exec(compact) ?? groupedEnglish.exec(compact);
  if (!match) return { ok: false, problem: 'format' };
  const [, sign, integerPart, decimals = ''] = match as unknown as [string, string, string, string | undefined];
  if (decimals.length === 3 && match === plainMatch && integerPart.length <= 3) return { ok: false, problem: 'grouping' };
  if (decimals.length > 2) return { ok: false, problem: 'precision' };
  const digits = integerPart.replace(/[.,]/g, '') + decimals.padEnd(2, '0');
  const cents = Number(digits) * (sign === '-' ? -1 : 1);
  if (!Number.isSafeInteger(cents)) return { ok: false, problem: 'range' };
  return { ok: true, money: moneyOfCents(cents, currency) };
}

/** parseMoney for amounts a program writes (fixtures, seeds): a problem is a RangeError. */
export function euros(text: string): Money {
  const parsed = parseMoney(text);
  if (!parsed.ok) throw new RangeError(`"${text}" is not an amount of euros (${parsed.problem})`);
  return parsed.money;
}

/**
 * An amount from a number of euros that came from JSON or a float column: accepted only when it is a whole number
 * of cents (12.5 yes, 12.505 no), with a tolerance for the float's own noise (0.1 + 0.2 is 0.30 EUR).
 */
export function moneyFromEuroNumber(amount: number, currency: Currency = 'EUR'): Money {
  if (!Number.isFinite(amount)) throw new RangeError(`${amount} is not an amount of euros`);
  const scaled = amount * 100;
  const cents = Math.round(scaled);
  // The float's noise grows with the amount (a billion euros has no exact hundredths in a double): a few units in the
  // last place of the scaled value are noise, half a cent is a real fraction.
  if (Math.abs(scaled - cents) > 8 * Number.EPSILON * Math.max(1, Math.abs(scaled))) throw new RangeError(`${amount} euros is not a whole number of cents`);
  return moneyOfCents(cents, currency);
}

export function addMoney(a: Money, b: Money): Money {
  return moneyOfCents(a.cents + b.cents, sameCurrency(a, b));
}

export function subtractMoney(a: Money, b: Money): Money {
  return moneyOfCents(a.cents - b.cents, sameCurrency(a, b));
}

/** The total of a list; an empty list is zero in the given currency. */
export function sumMoney(amounts: readonly Money[], currency: Currency = 'EUR'): Money {
  return amounts.reduce((total, amount) => addMoney(total, amount), moneyOfCents(0, currency));
}

export function isSameMoney(a: Money, b: Money): boolean {
  return a.cents === b.cents && a.currency === b.currency;
}

function checkedWeight(weight: number, what: string): bigint {
  if (!Number.isSafeInteger(weight) || weight < 0) throw new RangeError(`${what} must be a whole number ≥ 0, not ${weight}`);
  return BigInt(weight);
}

/** Integer division rounding half away from zero (2.5 → 3, −2.5 → −3), as people round money by hand. */
function divideRoundingHalfAway(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/**
 * The amount times a rational share `numerator / denominator` (a unit price times 3 people is `(price, 3)`; a third
 * is `(total, 1, 3)`), computed exactly and rounded once, half a cent away from zero. Use allocate when the parts of
 * a total must add up to it: rounding each share on its own may lose or add a cent.
 */
export function multiplyMoney(money: Money, numerator: number, denominator = 1): Money {
  if (!Number.isSafeInteger(numerator)) throw new RangeError(`a multiplier must be a whole number, not ${numerator}`);
  const divisor = checkedWeight(denominator, 'a divisor');
  if (divisor === 0n) throw new RangeError('a divisor must not be zero');
  const cents = divideRoundingHalfAway(BigInt(money.cents) * BigInt(numerator), divisor);
  return moneyOfCents(Number(cents), money.currency);
}

/**
 * Splits an amount into parts proportional to whole-number weights (people, hours, shares in ten-thousandths) so
 * that the parts always add up to the amount, by the largest-remainder method: each part gets the whole cents of its
 * exact share, then the cents left over go one each to the parts with the largest dropped fractions. Ties go to the
 * part that comes first in the list, so the result depends only on the order the caller gives (order parties by a
 * stable key, such as their id, before calling). A part with weight 0 gets nothing; a negative amount is split as its
 * opposite and negated, so allocate(−x) is −allocate(x) part by part. All weights 0 is a RangeError.
 */
export function allocate(money: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  const exactWeights = weights.map((weight) => checkedWeight(weight, 'a weight'));
  const totalWeight = exactWeights.reduce((sum, weight) => sum + weight, 0n);
  if (totalWeight === 0n) throw new RangeError('allocate needs at least one weight above 0');
  const isNegative = money.cents < 0;
  const total = BigInt(Math.abs(money.cents));
  const parts = exactWeights.map((weight) => (total * weight) / totalWeight);
  const remainders = exactWeights.map((weight) => (total * weight) % totalWeight);
  let leftover = total - parts.reduce((sum, part) => sum + part, 0n);
  const byRemainder = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (leftover === 0n) break;
    parts[index] = parts[index]! + 1n;
    leftover -= 1n;
  }
  return parts.map((part) => moneyOfCents(Number(isNegative ? -part : part), money.currency));
}

/** An amount split into n parts that differ by at most a cent and add up to it: 100.00 → 33.34 + 33.33 + 33.33. */
export function splitEvenly(money: Money, count: number): Money[] {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`splitEvenly needs a whole number of parts ≥ 1, not ${count}`);
  return allocate(money, Array.from({ length: count }, () => 1));
}

/** Percentages with up to four decimals (12.5 %, 33.3333 %) become whole weights in ten-thousandths of a percent. */
const PERCENT_SCALE = 10_000;

function percentWeight(percent: number): number {
  const scaled = Math.round(percent * PERCENT_SCALE);
  // NaN and Infinity pass here and are refused as weights (checkedWeight), with the same RangeError.
  if (percent < 0 || Math.abs(percent * PERCENT_SCALE - scaled) > 1e-6) {
    throw new RangeError(`a percentage is a number ≥ 0 with at most four decimals, not ${percent}`);
  }
  return scaled;
}

/** `percent` % of an amount (12.5 % of 80.00 is 10.00), rounded once, half a cent away from zero. */
export function percentOf(money: Money, percent: number): Money {
  return multiplyMoney(money, percentWeight(percent), 100 * PERCENT_SCALE);
}

/**
 * Splits an amount by percentages (a pact's 50 / 30 / 20): the parts add up to the amount (allocate), so the
 * percentages must add up to 100 — anything else would leave money unassigned or assign more than there is.
 */
export function allocateByPercentages(money: Money, percents: readonly number[]): Money[] {
  const weights = percents.map(percentWeight);
  if (weights.reduce((sum, weight) => sum + weight, 0) !== 100 * PERCENT_SCALE) throw new RangeError(`percentages must add up to 100, not ${percents.join(' + ')}`);
  return allocate(money, weights);
}

/** "33.34", "-0.05", "1234.00": the exact decimal text of an amount, for files and machine formats. */
export function toDecimalString(money: Money): string {
  const magnitude = String(Math.abs(money.cents)).padStart(3, '0');
  return `${money.cents < 0 ? '-' : ''}${magnitude.slice(0, -2)}.${magnitude.slice(-2)}`;
}

/** The amount as a number of euros, only for formats that require a JSON number (HSDS `cost_options.amount`). */
export function toEuroNumber(money: Money): number {
  return Number(toDecimalString(money));
}

export type MoneyLocale = 'it' | 'en';
const INTL_LOCALES: Record<MoneyLocale, string> = { it: 'it-IT', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat>();

// Building an Intl.NumberFormat costs far more than formatting with one: a table of amounts reuses them.
function formatterOf(locale: MoneyLocale, currency: Currency): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(INTL_LOCALES[locale], { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * An amount for people: "33,34 €" in Italian, "€33.34" in English. The decimal text is formatted as is (Intl reads a
 * numeric string exactly), so a large amount is not rounded through a float.
 */
export function formatMoney(money: Money, locale: MoneyLocale): string {
  return formatterOf(locale, money.currency).format(toDecimalString(money) as `${number}`);
}

/** An amount as a form field shows it for editing, without the currency: "12,50" in Italian, "12.50" in English. */
export function formatMoneyInput(money: Money, locale: MoneyLocale): string {
  return toDecimalString(money).replace('.', locale === 'it' ? ',' : '.');
}

/** The locale of formatMoney for an i18next language ("it", "en", "en-US"): Italian unless it is English. */
export function moneyLocaleOf(language: string | undefined): MoneyLocale {
  return language?.toLowerCase().startsWith('en') ? 'en' : 'it';
}
