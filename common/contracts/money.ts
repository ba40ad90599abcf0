import { z } from 'zod';
import { CURRENCIES, MONEY_CENTS_MAX } from '../domain/money';

/**
 * An amount of money in a contract is a whole number of cents (common/domain/money.ts), bounded by the exact integer
 * range of JavaScript, which a PostgreSQL `bigint` column holds: `12.5` or `1e300` is a 422 naming the field, never a
 * rounded amount. Narrow further with `.min()`/`.max()` where the column is an `integer`.
 */
export const zMoneyCents = () => z.number().int().min(-MONEY_CENTS_MAX).max(MONEY_CENTS_MAX);

/** An amount with its currency, for contracts that may one day carry more than euros. */
export const ZMoney = z.strictObject({ cents: zMoneyCents(), currency: z.enum(CURRENCIES) });
export type TMoney = z.infer<typeof ZMoney>;
