import { z } from 'zod';

/** Every error the API returns has this shape; `details` names the offending fields when there are any. */
export const ZErrorResponse = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

/** One field problem inside a 400/422 `details.fields` list. */
export const ZFieldIssue = z.object({ path: z.string(), message: z.string() });
export type TFieldIssue = z.infer<typeof ZFieldIssue>;
