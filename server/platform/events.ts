import type { z } from 'zod';
import type { DbExecutor } from './db/database';
import { enqueueJobs } from './jobs/enqueue-job';
import { defineJob, type JobHandler, type JobRun } from './jobs/job-definitions';

/**
 * In-process domain events. A module publishes a fact about its own write (`publishInTransaction`, inside that write's
 * transaction); other modules subscribe through their manifests (`ModuleManifest.subscriptions`), in one of two ways:
 * - `on(EVENT, handler)`: the subscriber keeps derived data (a module cannot import a module that depends on it) and
 *   runs in the publisher's transaction, so the derived data commits or rolls back with the write. No queue, no retry:
 *   a subscriber that fails fails the write.
 * - `onAfterCommit(EVENT, handler)`: the subscriber sends or computes (notifications, digests, metrics). Publishing
 *   enqueues one job per such subscription in the same transaction (server/platform/jobs, ADR 0025), so the handler runs
 *   in a worker once the write committed, never for a rolled-back write, with the queue's retries, backoff and dead state.
 *
 * Events are typed: the publishing module defines each one with a zod schema (`defineEvent`) and exports it from its
 * index.ts; `publishInTransaction` refuses a payload the schema does not accept, and a subscriber receives the parsed
 * payload with the schema's type, never `unknown` to cast (an after-commit job parses the stored payload again).
 *
 * Subscriptions come from module manifests, registered by the composition root (server/app.ts, for the server and every
 * CLI command) and by createHttpServer (for test apps with fewer modules); server/app.ts also adds each after-commit
 * subscription's job to the workers' registry (collectJobs).
 */

/** An event a module publishes: its name (`module.noun-verbed`) and the schema of its payload. */
export interface EventDefinition<Schema extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: Schema;
}

/** What a subscriber of `Event` receives: the payload as its schema parsed it. */
export type EventPayload<Event extends EventDefinition> = z.output<Event['schema']>;

export function defineEvent<Schema extends z.ZodType>(name: string, schema: Schema): EventDefinition<Schema> {
  return Object.freeze({ name, schema });
}

export type EventHandler<Payload> = (tx: DbExecutor, payload: Payload) => Promise<void>;

/**
 * What an after-commit subscriber does with an event, in a worker after the publisher's write committed: the payload
 * as the event's schema parsed it, and the job it runs in (`job.context` acts as the system actor `jobs`: the handler
 * opens its own short, audited transactions, as any job does). It may run more than once (a retry after a failure, or
 * a worker killed before the job was finished): it must be idempotent.
 */
export type AfterCommitHandler<Payload> = (payload: Payload, job: JobRun) => Promise<void>;

/**
 * How a subscription is delivered: 'in-transaction' (derived data, in the publisher's transaction) or 'after-commit'
 * (a job per event and subscription, run after commit by a worker).
 */
export type EventDelivery = 'in-transaction' | 'after-commit';

/** Subscribes in the publisher's transaction; built with `on`. */
export interface InTransactionSubscription {
  readonly event: EventDefinition;
  readonly delivery: 'in-transaction';
  readonly handler: EventHandler<unknown>;
}

/** Subscribes after commit, as a job; built with `onAfterCommit`. */
export interface AfterCommitSubscription {
  readonly event: EventDefinition;
  readonly delivery: 'after-commit';
  /** The job that runs the handler: parses the stored payload with the event's schema, then calls it. */
  readonly job: JobHandler;
  /** Attempts before the job is dead (default: the queue's). */
  readonly maxAttempts?: number;
}

/** One manifest entry: an event and its handler, built with `on` or `onAfterCommit` so the payload type is the event's. */
export type EventSubscription = InTransactionSubscription | AfterCommitSubscription;

/** Subscribes `handler` to `event`, inside the publisher's transaction; for `ModuleManifest.subscriptions`. */
export function on<Schema extends z.ZodType>(event: EventDefinition<Schema>, handler: EventHandler<z.output<Schema>>): EventSubscription {
  // The cast is the only one: `publishInTransaction` hands a handler only a payload parsed by this event's schema.
  return Object.freeze({ event, delivery: 'in-transaction', handler: handler as EventHandler<unknown> });
}

/**
 * Subscribes `handler` to `event` after commit, as a job (for `ModuleManifest.subscriptions`): publishing enqueues it in
 * the publisher's transaction, a worker runs it after commit with the payload parsed again by the event's schema. Its
 * job type is `afterCommitJobType(module, event)`, stable across releases as long as neither is renamed.
 */
export function onAfterCommit<Schema extends z.ZodType>(
  event: EventDefinition<Schema>,
  handler: AfterCommitHandler<z.output<Schema>>,
  options: { maxAttempts?: number } = {},
): EventSubscription {
  return Object.freeze({ event, delivery: 'after-commit', job: defineJob({ payload: event.schema, run: handler }), maxAttempts: options.maxAttempts });
}

/**
 * The job type of a module's after-commit subscription to an event, e.g. 'notifications.on.districts.area-changed': one
 * subscription per module and event, named after both, so jobs queued by one release are run by the next.
 */
export function afterCommitJobType(moduleName: string, eventName: string): string {
  return `${moduleName}.on.${eventName}`;
}

/** A payload its event's schema refused: a programming error of the publisher, so a plain Error (a 500), not a 4xx. */
export class InvalidEventPayloadError extends Error {
  constructor(
    readonly eventName: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`Event ${eventName}: payload refused by its schema: ${issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; ')}`);
    this.name = 'InvalidEventPayloadError';
  }
}

/** In-transaction handlers by event name; a Set, so registering the same manifest twice subscribes its handlers once. */
const handlers = new Map<string, Set<EventHandler<unknown>>>();
/** After-commit subscriptions by event name, then by job type. */
const afterCommitJobs = new Map<string, Map<string, AfterCommitSubscription>>();

/**
 * Registers a subscription of module `moduleName` (idempotent for the same subscription). A second after-commit
 * subscription of one module to one event would share its job type: refused, as a job type declared twice is.
 */
export function subscribe(moduleName: string, subscription: EventSubscription): void {
  if (subscription.delivery === 'in-transaction') {
    const set = handlers.get(subscription.event.name) ?? new Set<EventHandler<unknown>>();
    set.add(subscription.handler);
    handlers.set(subscription.event.name, set);
    return;
  }
  const type = afterCommitJobType(moduleName, subscription.event.name);
  const byType = afterCommitJobs.get(subscription.event.name) ?? new Map<string, AfterCommitSubscription>();
  const existing = byType.get(type);
  if (existing && existing !== subscription) throw new Error(`Module ${moduleName} subscribes to ${subscription.event.name} after commit twice (job type ${type})`);
  byType.set(type, subscription);
  afterCommitJobs.set(subscription.event.name, byType);
}

/**
 * Publishes `event` inside the caller's transaction: the payload is parsed with the event's schema first (a payload
 * it refuses throws InvalidEventPayloadError and no subscriber runs), then every in-transaction subscriber runs, in
 * turn, with the parsed payload, and one job per after-commit subscription is enqueued in the same transaction with the
 * parsed payload as its data (so a rolled-back write delivers nothing after commit).
 */
export async function publishInTransaction<Schema extends z.ZodType>(
  tx: DbExecutor,
  event: EventDefinition<Schema>,
  payload: z.input<Schema>,
): Promise<void> {
  const parsed = event.schema.safeParse(payload);
  if (!parsed.success) throw new InvalidEventPayloadError(event.name, parsed.error.issues);
  const afterCommit = [...(afterCommitJobs.get(event.name) ?? new Map<string, AfterCommitSubscription>())];
  let stored: unknown;
  if (afterCommit.length > 0) {
    // The job parses its stored payload again: a payload that does not survive JSON and a second parse (a Date, a
    // transform that is not idempotent) would only fail in the worker, attempt after attempt; refuse it here instead.
    stored = JSON.parse(JSON.stringify(parsed.data)) as unknown;
    const again = event.schema.safeParse(stored);
    if (!again.success) throw new InvalidEventPayloadError(event.name, again.error.issues);
  }
  for (const handler of handlers.get(event.name) ?? []) await handler(tx, parsed.data);
  await enqueueJobs(tx, afterCommit.map(([type, subscription]) => ({ type, payload: stored, maxAttempts: subscription.maxAttempts })));
}
