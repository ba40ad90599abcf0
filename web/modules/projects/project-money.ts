import { formatMoney, moneyLocaleOf, moneyOfCents, parseMoney, type MoneyParseProblem } from '../../../common/domain/money';

/** An amount in cents as people read it in the interface language: "1.234,56 €" in Italian, "€1,234.56" in English. */
export function formatCents(cents: number, language: string | undefined): string {
  return formatMoney(moneyOfCents(cents), moneyLocaleOf(language));
}

/** What a budget or funding amount field holds: cents, or why the text is not an amount the server will take. */
export type AmountFieldResult = { ok: true; cents: number } | { ok: false; problem: MoneyParseProblem | 'negative' };

/**
 * Reads an amount typed in a project form ("12.345,67", "150", "€ 7,5"): exactly, never through a float; a negative
 * amount is refused here too, so the form names the field before the server does.
 */
export function readAmountField(text: string): AmountFieldResult {
  const parsed = parseMoney(text);
  if (!parsed.ok) return parsed;
  if (parsed.money.cents < 0) return { ok: false, problem: 'negative' };
  return { ok: true, cents: parsed.money.cents };
}

