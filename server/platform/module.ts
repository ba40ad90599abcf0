import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterCommitJobType, subscribe, type EventSubscription } from './events';
import { registerOrganizationMergeHook, type OrganizationMergeHook } from './organization-merge';
import { registerMunicipalityCodesHook, type MunicipalityCodesHook } from './municipality-code-moves';
import type { JobHandler, ScheduleDefinition } from './jobs/job-definitions';
import { assertCronPattern } from './jobs/job-rules';
import type { FileOwner } from './files/file-owners';
import type { UseCaseContext } from './use-case';

/**
 * What a module contributes to the application (its manifest, `<m>.module.ts`): the composition root in
 * server/app.ts registers every manifest, so adding a module never touches the platform.
 */
/** What the demo seed needs from the configuration. */
export interface DemoSeedOptions {
  /** The address links in the demo's e-mails start with (the platform's public address); unset: the usual local one. */
  linkBase?: string;
}

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
  seedDemo?: (context: UseCaseContext, report: (message: string) => void, options?: DemoSeedOptions) => Promise<void>;
  /**
   * Handlers of other modules' events (server/platform/events.ts), each built so the handler gets the event's parsed
   * payload: `on(EVENT, handler)` runs inside the publisher's transaction (derived data); `onAfterCommit(EVENT, handler)`
   * runs as a job after commit (notifications, digests, metrics), job type `<module>.on.<event>`.
   */
  subscriptions?: EventSubscription[];
  /**
   * Moves this module's rows that refer to an organization being merged into another (server/platform/organization-merge.ts):
   * inside the merge's transaction, audited, versions bumped, collisions on unique keys resolved. Required of every
   * module with a column referring to organizations (server/organization-merge-hooks.test.ts).
   */
  mergeOrganization?: OrganizationMergeHook;
  /**
   * Moves this module's rows that name a suppressed municipality code to its successor, after a territory import
   * (server/platform/municipality-code-moves.ts): inside the import's transaction, audited, collisions folded or
   * reported. Required of every module with a column referring to municipalities
   * (server/municipality-code-moves-hooks.test.ts).
   */
  moveMunicipalityCodes?: MunicipalityCodesHook;
  /** Handlers of the module's background job types, named '<module>.<verb-noun>' (server/platform/jobs, ADR 0025). */
  jobs?: Record<string, JobHandler>;
  /** Recurring jobs (cron in Europe/Rome), each fired once per period however many processes run. */
  schedules?: ScheduleDefinition[];
  /**
   * The kinds of this module's records files are attached to (server/platform/files, ADR 0027), each named
   * `<module>.<record kind>` with the rules of who reads and who attaches its files; a file of an undeclared owner is
   * read by nobody.
   */
  fileOwners?: FileOwner[];
}

/** Subscribes every manifest's handlers to the events they name (idempotent: a handler is registered once). */
export function registerSubscriptions(modules: ModuleManifest[]): void {
  for (const module of modules) {
    for (const subscription of module.subscriptions ?? []) subscribe(module.name, subscription);
  }
}

/** Registers every manifest's organization-merge hook (idempotent, like registerSubscriptions). */
export function registerOrganizationMergeHooks(modules: ModuleManifest[]): void {
  for (const module of modules) {
    if (module.mergeOrganization) registerOrganizationMergeHook(module.name, module.mergeOrganization);
  }
}

/** Registers every manifest's municipality-code hook (idempotent, like registerSubscriptions). */
export function registerMunicipalityCodesHooks(modules: ModuleManifest[]): void {
  for (const module of modules) {
    if (module.moveMunicipalityCodes) registerMunicipalityCodesHook(module.name, module.moveMunicipalityCodes);
  }
}

/**
 * Every job type's handler, the platform's and the manifests' (their jobs and their after-commit subscriptions, see
 * server/platform/events.ts); a type declared twice stops start-up, as a schedule
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
    for (const subscription of module.subscriptions ?? []) {
      if (subscription.delivery !== 'after-commit') continue;
      const type = afterCommitJobType(module.name, subscription.event.name);
      if (registry.has(type)) throw new Error(`Job type ${type} is declared twice (module ${module.name}: one after-commit subscription per event)`);
      registry.set(type, subscription.job);
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
