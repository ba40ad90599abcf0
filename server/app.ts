import type { FastifyInstance } from 'fastify';
import { systemActor } from './platform/access/actor';
import { ensureFirstAdministrator, type FirstAdministrator } from './platform/auth/ensure-first-administrator';
import type { AppConfig } from './platform/config/config';
import { openDatabase, type Database } from './platform/db/database';
import { connectsAsSuperuser, migrateDatabase } from './platform/db/owner-connection';
import { createHttpServer } from './platform/http/create-http-server';
import { collectJobs, registerOrganizationMergeHooks, registerSubscriptions, type DemoSeedOptions, type ModuleManifest } from './platform/module';
import { mailLinkBase } from './platform/mail/mail-settings';
import { registerMunicipalityCodesHooks } from './platform/module';
import { MAIL_JOBS } from './platform/mail/mail.jobs';
import { startWorker, type Worker } from './platform/jobs/worker';
import { applyInitialBasemap } from './platform/settings/settings.repository';
import type { UseCaseContext } from './platform/use-case';
import { districtActivityModule } from './modules/district-activity';
import { districtsModule, hasDemoDistrict } from './modules/districts';
import { groupsModule } from './modules/groups';
import { invitationsModule } from './modules/invitations';
import { labelsModule } from './modules/labels';
import { homeModule } from './modules/home';
import { needsModule } from './modules/needs';
import { matchingModule } from './modules/matching';
import { projectsModule } from './modules/projects';
import { organizationsModule } from './modules/organizations';
import { pactsModule } from './modules/pacts';
import { practicesModule } from './modules/practices';
import { servicesModule } from './modules/services';
import { surveysModule } from './modules/surveys';
import { territoryModule } from './modules/territory';
import { zoningsModule } from './modules/zonings';
import { seedDemoPinerolese } from './demo/demo-pinerolese.seed';

/** Every module of the product, in dependency order (territory first: the others refer to municipalities). */
export const MODULES: ModuleManifest[] = [territoryModule, organizationsModule, zoningsModule, districtsModule, servicesModule, surveysModule, needsModule, matchingModule, projectsModule, invitationsModule, districtActivityModule, groupsModule, practicesModule, labelsModule, pactsModule, homeModule];
// Every entry point (the server, each CLI command) imports this file: their use cases publish to every module.
registerSubscriptions(MODULES);
registerOrganizationMergeHooks(MODULES);
registerMunicipalityCodesHooks(MODULES);

/** Every job type's handler and every schedule (the platform's mail delivery and the modules'). */
export const JOBS = collectJobs(MAIL_JOBS, MODULES);

export type Report = (message: string) => void;

/** Starts this process's worker (`serve` without --no-jobs, `distretto worker`) with the configured slots and lease. */
export function startJobs(db: Database, config: AppConfig, report: Report): Worker {
  return startWorker(db, {
    registry: JOBS.registry,
    schedules: JOBS.schedules,
    slots: config.jobs.slots,
    leaseSeconds: config.jobs.leaseSeconds,
    pollMs: config.jobs.pollMs,
    retry: { baseSeconds: config.jobs.retryBaseSeconds },
    report,
    publicUrl: config.publicUrl,
    localOrigin: localOrigin(config),
  });
}

/**
 * Seeds the demo district unless one exists: first the district with its organizations and accounts (server/demo,
 * through each owner's use cases), then each module adds its part in manifest order.
 */
export async function seedDemo(context: UseCaseContext, report: Report, options: DemoSeedOptions = {}): Promise<boolean> {
  if (await hasDemoDistrict(context)) return false;
  await seedDemoPinerolese(context, report);
  for (const module of MODULES) await module.seedDemo?.(context, report, options);
  return true;
}

/**
 * The demo's links start where the platform's mail links do (DISTRETTO_PUBLIC_URL, else the saved address), else at
 * the address this process listens on.
 */
export async function demoSeedOptions(context: UseCaseContext, config: AppConfig): Promise<DemoSeedOptions> {
  return { linkBase: await mailLinkBase(context, { publicUrl: config.publicUrl, requestOrigin: localOrigin(config) }) };
}

/** The address this process listens on, as a browser on this machine reaches it. */
function localOrigin(config: AppConfig): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${config.port}`;
}

export interface PreparedDatabase {
  db: Database;
  firstAdministrator: FirstAdministrator | null;
}

/**
 * Opens and migrates the database, runs each module's start-up step (the territory loads itself into an empty
 * database), seeds the demo on a fresh install and makes sure someone can sign in as administrator.
 */
export async function prepareDatabase(config: AppConfig, options: { report: Report; seedDemo: boolean }): Promise<PreparedDatabase> {
  const db = await openDatabase(config);
  try {
    const applied = await migrateDatabase(config, db);
    if (applied.length > 0) options.report(`Applied ${applied.length} migration(s)`);
    if (await connectsAsSuperuser(db)) {
      options.report('Warning: the app connects to PostgreSQL as a superuser, who can lift the audit log\'s append-only rule; see README, "Database roles"');
    }
    const context: UseCaseContext = { actor: systemActor('start'), db, requestId: null };
    for (const module of MODULES) await module.onStart?.(context, options.report);
    await applyInitialBasemap(db.orm, config.basemapUrl, config.basemapAttribution);
    if (options.seedDemo && (await seedDemo(context, options.report, await demoSeedOptions(context, config)))) options.report('Demo district seeded');
    const firstAdministrator = await ensureFirstAdministrator(context, config.dataDir);
    return { db, firstAdministrator };
  } catch (error) {
    await db.close();
    throw error;
  }
}

export async function buildHttpApp(db: Database, config: AppConfig, options: { serveWeb?: boolean; logger?: boolean } = {}): Promise<FastifyInstance> {
  return createHttpServer({ db, config, modules: MODULES, ...options });
}
