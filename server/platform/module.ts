import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { subscribe, type EventHandler } from './events';
import type { JobHandler, ScheduleDefinition } from './jobs/job-definitions';
import { assertCronPattern } from './jobs/job-rules';
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
  /** Handlers of other modules' events (server/platform/events.ts), run inside the publisher's transaction. */
  subscriptions?: Record<string, EventHandler>;
  /** Handlers of the module's background job types, named '<module>.<verb-noun>' (server/platform/jobs, ADR 0025). */
  jobs?: Record<string, JobHandler>;
  /** Recurring jobs (cron in Europe/Rome), each fired once per period however many processes run. */
  schedules?: ScheduleDefinition[];
}

/** Subscribes every manifest's handlers to the events they name (idempotent: a handler is registered once). */
export function registerSubscriptions(modules: ModuleManifest[]): void {
  for (const module of modules) {
    for (const [eventName, handler] of Object.entries(module.subscriptions ?? {})) subscribe(eventName, handler);
  }
}

/**
 * Every job type's handler, the platform's and the manifests'; a type declared twice stops start-up, as a schedule
 * naming a type nobody handles or with a bad cron expression does (a typo must not wait silently in the queue).
 */
export function collectJobs(platformJobs: Record<string, JobHandler>, modules: ModuleManifest[]): { registry: Map<string, JobHandler>; schedules: ScheduleDefinition[] } {
  const registry = new Map<string, JobHandler>(Object.entries(platformJobs));
  const schedules: ScheduleDefinition[] = [];
  for (const module of modules) {
    for (const [type, handler] of Object.entries(module.jobs ?? {})) {
      if (registry.has(type)) throw new Error(`Job type ${type} is declared twice (module ${module.name})`);
      registry.set(type, handler);
    }
    schedules.push(...(module.schedules ?? []));
  }
  const names = new Set<string>();
  for (const schedule of schedules) {
    if (names.has(schedule.name)) throw new Error(`Schedule ${schedule.name} is declared twice`);
    names.add(schedule.name);
    if (!registry.has(schedule.jobType)) throw new Error(`Schedule ${schedule.name} names job type ${schedule.jobType}, which no module handles`);
    assertCronPattern(schedule.cron);
  }
  return { registry, schedules };
}
