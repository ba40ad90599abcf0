import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { subscribe, type EventHandler } from './events';
import { registerOrganizationMergeHook, type OrganizationMergeHook } from './organization-merge';
import type { UseCaseContext } from './use-case';

/**
 * What a module contributes to the application (its manifest, `<m>.module.ts`): the composition root in
 * server/app.ts registers every manifest, so adding a module never touches the platform.
 */
export interface ModuleManifest {
  name: string;
  /**
   * Every table and view this module's migrations create: only this module's SQL names them (ADR 0026), and
   * server/table-ownership.test.ts checks it. Another module may name a foreign key REFERENCES to them in its migrations.
   */
  ownsTables: string[];
  /**
   * The owned relations other modules may read (views made for them, or a table the owner publishes as it is); the
   * owner's index.ts may also export `sql` fragments over them. Writes go through the owner's use cases or named,
   * audited functions, never through a published name.
   */
  publishes?: string[];
  routes?: FastifyPluginAsyncZod;
  /** Runs at start-up after migrations (e.g. load reference data into an empty database). */
  onStart?: (context: UseCaseContext, report: (message: string) => void) => Promise<void>;
  /** Adds this module's part of the demo district; called in manifest order by `distretto demo seed`. */
  seedDemo?: (context: UseCaseContext, report: (message: string) => void) => Promise<void>;
  /** Handlers of other modules' events (server/platform/events.ts), run inside the publisher's transaction. */
  subscriptions?: Record<string, EventHandler>;
  /**
   * Moves this module's rows that refer to an organization being merged into another (server/platform/organization-merge.ts):
   * inside the merge's transaction, audited, versions bumped, collisions on unique keys resolved. Required of every
   * module with a column referring to organizations (server/organization-merge-hooks.test.ts).
   */
  mergeOrganization?: OrganizationMergeHook;
}

/** Subscribes every manifest's handlers to the events they name (idempotent: a handler is registered once). */
export function registerSubscriptions(modules: ModuleManifest[]): void {
  for (const module of modules) {
    for (const [eventName, handler] of Object.entries(module.subscriptions ?? {})) subscribe(eventName, handler);
  }
}

/** Registers every manifest's organization-merge hook (idempotent, like registerSubscriptions). */
export function registerOrganizationMergeHooks(modules: ModuleManifest[]): void {
  for (const module of modules) {
    if (module.mergeOrganization) registerOrganizationMergeHook(module.name, module.mergeOrganization);
  }
}
