import { z } from 'zod';
import { zQueryInt } from './integers';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../domain/limits';

/** Keyset pagination: the client passes back `nextCursor` as `cursor`; no offsets, so pages stay stable and fast. */
export const ZPageQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: zQueryInt().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
