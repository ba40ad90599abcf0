import type { DbExecutor } from './db/database';

/**
 * In-process domain events for derived data one module keeps about another's writes (a module cannot import a
 * module that depends on it): the publisher calls `publishInTransaction` inside its write's transaction and every
 * subscriber runs there too, so the derived data commits or rolls back with the write. No queue, no retry: a
 * subscriber that fails fails the write.
 *
 * Subscriptions come from module manifests (`ModuleManifest.subscriptions`), registered by the composition root
 * (server/app.ts, for the server and every CLI command) and by createHttpServer (for test apps with fewer modules).
 */
export type EventHandler = (tx: DbExecutor, payload: unknown) => Promise<void>;

const handlers = new Map<string, Set<EventHandler>>();

export function subscribe(eventName: string, handler: EventHandler): void {
  const set = handlers.get(eventName) ?? new Set<EventHandler>();
  set.add(handler);
  handlers.set(eventName, set);
}

export async function publishInTransaction<Payload>(tx: DbExecutor, eventName: string, payload: Payload): Promise<void> {
  for (const handler of handlers.get(eventName) ?? []) await handler(tx, payload);
}
