import type { z } from 'zod';
import type { UseCaseContext } from '../use-case';

/** What a handler knows of the job it runs. */
export interface JobRun {
  id: string;
  type: string;
  /** This attempt's number, from 1. */
  attempt: number;
  maxAttempts: number;
  /** Acts as the `system` actor labelled `jobs`, on the worker's database. */
  context: UseCaseContext;
  /** The address links in mails start with: the public address, else the saved one, else this process's own. */
  linkBase: () => Promise<string>;
}

/**
 * A job type's handler, declared in a manifest (`jobs: { 'module.verb-noun': defineJob(...) }`). It should open its own
 * short transactions (inTransaction + recordAudit, as a use case does): the worker holds none while it runs, so on
 * the embedded database a web request waits at most for one of the handler's statements.
 */
export interface JobHandler {
  run(payload: unknown, job: JobRun): Promise<void>;
}

/**
 * A failure the handler can name: `reason` ('<module>.<kebab-noun>', e.g. 'mail.recipient-refused') is kept with the
 * job (`last_error_reason`) and the jobs page says it in words; the message is the technical detail (`last_error`). Any
 * other error is kept as the message alone, and the page calls it unexpected.
 */
export class JobFailure extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'JobFailure';
  }
}

/** Reasons of the queue itself (a job type no process handles, a payload its handler's schema refuses). */
export const JOB_FAILURE_REASONS = { noHandler: 'jobs.no-handler', badPayload: 'jobs.bad-payload' } as const;

/** A handler whose payload is checked by its zod schema before it runs (a bad payload fails the attempt, no cast). */
export function defineJob<TSchema extends z.ZodType>(definition: {
  payload: TSchema;
  run: (payload: z.output<TSchema>, job: JobRun) => Promise<void>;
}): JobHandler {
  return {
    run: (payload, job) => {
      const parsed = definition.payload.safeParse(payload);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; ');
        throw new JobFailure(JOB_FAILURE_REASONS.badPayload, `payload refused by its schema: ${issues}`);
      }
      return definition.run(parsed.data, job);
    },
  };
}

/** A recurring job: at each period of `cron` (Europe/Rome) exactly one `jobType` job is enqueued, whatever the processes. */
export interface ScheduleDefinition {
  /** Unique across the application, e.g. 'matching.remind-referrals'. */
  name: string;
  /** Five-field cron expression in Italian wall-clock time, e.g. '0 8 * * *' for every day at 08:00. */
  cron: string;
  jobType: string;
  payload?: unknown;
}

export type JobRegistry = ReadonlyMap<string, JobHandler>;

export const DEFAULT_MAX_ATTEMPTS = 5;
