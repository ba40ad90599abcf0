import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { subscribe, type EventSubscription } from './events';
import type { UseCaseContext } from './use-case';

/**
 * What a module contributes to the application (its manifest, `<m>.module.ts`): the composition root in
 * server/app.ts registers every manifest, so adding a module never touches the platform.
 */
export interface ModuleManifest {
  name: string;
  routes?: FastifyPluginAsyncZod;
  /** Runs at start-up after migrations (e.g. load reference data into an empty database). */
  onStart?: (context: UseCaseContext, report: (message: string) => void) => Promise<void>;
  /** Adds this module's part of the demo district; called in manifest order by `distretto demo seed`. */
  seedDemo?: (context: UseCaseContext, report: (message: string) => void) => Promise<void>;
  /**
   * Handlers of other modules' events (server/platform/events.ts), each built with `on(EVENT, handler)` so the
   * handler gets the event's parsed payload; run inside the publisher's transaction.
   */
  subscriptions?: EventSubscription[];
}

/** Subscribes every manifest's handlers to the events they name (idempotent: a handler is registered once). */
export function registerSubscriptions(modules: ModuleManifest[]): void {
  for (const module of modules) {
    for (const subscription of module.subscriptions ?? []) subscribe(subscription);
  }
}
