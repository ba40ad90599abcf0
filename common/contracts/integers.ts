import { z } from 'zod';
import { INT4_MAX, INT4_MIN } from '../domain/limits';

/**
 * Every integer a contract carries is bounded by what a PostgreSQL `integer` column holds, so `"version": 2147483648`
 * is a 422 naming the field instead of a 500 "out of range for type integer". Narrow further with `.min()`/`.max()`.
 */
export const zInt = () => z.number().int().min(INT4_MIN).max(INT4_MAX);

/** The same for query-string integers, which arrive as text. */
export const zQueryInt = () => z.coerce.number().int().min(INT4_MIN).max(INT4_MAX);
