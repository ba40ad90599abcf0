import { z } from 'zod';
import { zInt, zQueryInt } from './integers';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../domain/limits';

/** A job's state in the queue (ADR 0025); a job that succeeded is deleted, so there is no "done". */
export const JOB_STATES = ['queued', 'running', 'dead'] as const;

export const ZJob = z.object({
  id: z.string(),
  /** 'module.verb-noun', e.g. 'mail.deliver' (the web translates it). */
  type: z.string(),
  state: z.enum(JOB_STATES),
  attempts: zInt(),
  maxAttempts: zInt(),
  /** While queued: when it may run next; while running: when it was claimed last. */
  runAt: z.string(),
  lockedUntil: z.string().nullable(),
  /** The failure's technical message (for whoever debugs; the page keeps it in its details). */
  lastError: z.string().nullable(),
  /** Why it failed, as a code the web says in words ('mail.recipient-refused'); null: an unexpected error. */
  lastErrorReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TJob = z.infer<typeof ZJob>;

export const ZJobsQuery = z.strictObject({
  state: z.enum(JOB_STATES).optional(),
  type: z.string().max(100).optional(),
  /** The `updatedAt|id` of the last job of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: zQueryInt().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type TJobsQuery = z.input<typeof ZJobsQuery>;

export const ZJobsPage = z.object({ items: z.array(ZJob), nextCursor: z.string().nullable() });
export type TJobsPage = z.infer<typeof ZJobsPage>;

export const ZJobIdParams = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'must be a job number') });

/** How many jobs are in each state: the administrators' menu shows the dead ones. */
export const ZJobCounts = z.object({ queued: zInt(), running: zInt(), dead: zInt() });
export type TJobCounts = z.infer<typeof ZJobCounts>;
