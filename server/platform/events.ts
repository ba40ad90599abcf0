import type { z } from 'zod';
import type { DbExecutor } from './db/database';

/**
 * In-process domain events for derived data one module keeps about another's writes (a module cannot import a
 * module that depends on it): the publisher calls `publishInTransaction` inside its write's transaction and every
 * subscriber runs there too, so the derived data commits or rolls back with the write. No queue, no retry: a
 * subscriber that fails fails the write.
 *
 * Events are typed: the publishing module defines each one with a zod schema (`defineEvent`) and exports it from its
 * index.ts; `publishInTransaction` refuses a payload the schema does not accept, and a subscriber (`on`) receives the
 * parsed payload with the schema's type, never `unknown` to cast.
 *
 * Subscriptions come from module manifests (`ModuleManifest.subscriptions`), registered by the composition root
 * (server/app.ts, for the server and every CLI command) and by createHttpServer (for test apps with fewer modules).
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
 * How a subscription is delivered. Only 'in-transaction' exists: the subscriber keeps derived data and runs in the
 * publisher's transaction. Extension point for subscribers that send or compute (notifications, digests, metrics):
 * an 'after-commit' delivery, added with the job queue, would have `publishInTransaction` enqueue one job per such
 * subscription in the same transaction (the parsed payload as the job's data), so it runs after commit and never for
 * a rolled-back write; `on` stays the in-transaction form.
 */
export type EventDelivery = 'in-transaction';

/** One manifest entry: an event and its handler, built with `on` so the handler's payload type is the event's. */
export interface EventSubscription {
  readonly event: EventDefinition;
  readonly delivery: EventDelivery;
  readonly handler: EventHandler<unknown>;
}

/** Subscribes `handler` to `event`, inside the publisher's transaction; for `ModuleManifest.subscriptions`. */
export function on<Schema extends z.ZodType>(event: EventDefinition<Schema>, handler: EventHandler<z.output<Schema>>): EventSubscription {
  // The cast is the only one: `publishInTransaction` hands a handler only a payload parsed by this event's schema.
  return Object.freeze({ event, delivery: 'in-transaction', handler: handler as EventHandler<unknown> });
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

/** Handlers by event name; a Set, so registering the same manifest twice subscribes its handlers once. */
const handlers = new Map<string, Set<EventHandler<unknown>>>();

export function subscribe(subscription: EventSubscription): void {
  const set = handlers.get(subscription.event.name) ?? new Set<EventHandler<unknown>>();
  set.add(subscription.handler);
  handlers.set(subscription.event.name, set);
}

/**
 * Publishes `event` inside the caller's transaction: the payload is parsed with the event's schema first (a payload
 * it refuses throws InvalidEventPayloadError and no subscriber runs), then every subscriber runs, in turn, with the
 * parsed payload.
 */
export async function publishInTransaction<Schema extends z.ZodType>(
  tx: DbExecutor,
  event: EventDefinition<Schema>,
  payload: z.input<Schema>,
): Promise<void> {
  const parsed = event.schema.safeParse(payload);
  if (!parsed.success) throw new InvalidEventPayloadError(event.name, parsed.error.issues);
  for (const handler of handlers.get(event.name) ?? []) await handler(tx, parsed.data);
}
