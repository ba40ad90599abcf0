import { randomBytes } from 'node:crypto';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { buildHttpApp, demoSeedOptions, MODULES, prepareDatabase, seedDemo, startJobs } from '../app';
import { systemActor } from '../platform/access/actor';
import { createUser } from '../platform/auth/create-user';
import { readFirstAdministratorPassword } from '../platform/auth/ensure-first-administrator';
import { ConfigError, loadConfig, type AppConfig } from '../platform/config/config';
import { openDatabase, type Database } from '../platform/db/database';
import { databaseMigrationStatus, migrateDatabase, withOwnerPool } from '../platform/db/owner-connection';
import { grantAppRole } from '../platform/db/app-role';
import { addAuditCommand } from './audit-command';
import type { UseCaseContext } from '../platform/use-case';
import { DEMO_FIRM_USER } from '../modules/matching';
import { describeReconciliation, importTerritory } from '../modules/territory';
import { rebuildServiceSupply } from '../modules/services';
import { describeError, EXIT, exitCodeFor } from './exit-codes';
import { createProgress } from './progress';
import { addZoningsCommand } from './zonings-command';
import { addServicesCommand } from './services-command';
import { addOrganizationsCommand } from './organizations-command';
import { addMailCommand } from './mail-command';
import { addReferralsCommand } from './referrals-command';
import { DEMO_COORDINATOR, DEMO_ORGANIZATION_ADMIN } from '../demo/demo-pinerolese.seed';

const say = (message: string) => process.stdout.write(`${message}\n`);

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be a port number 0-65535');
  return port;
}

function parseRegionCodes(value: string): string[] {
  const codes = value.split(',').map((code) => code.trim());
  for (const code of codes) {
    if (!/^\d{2}$/.test(code)) throw new InvalidArgumentError(`"${code}" is not a two-digit ISTAT region code (e.g. 01)`);
  }
  return codes;
}

/** Opens the configured database for one command, migrated, and closes it afterwards. */
async function withDatabase<T>(config: AppConfig, work: (context: UseCaseContext, db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(config);
  try {
    await migrateDatabase(config, db);
    return await work({ actor: systemActor('cli'), db, requestId: null }, db);
  } finally {
    await db.close();
  }
}

/** Stops on SIGINT or SIGTERM: running jobs finish (or are left to their lease), then the database closes. */
function onStopSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    stop()
      .then(() => process.exit(EXIT.ok))
      .catch((error: unknown) => {
        process.stderr.write(`Error while stopping: ${describeError(error)}\n`);
        process.exit(EXIT.failure);
      });
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

async function serve(options: { port?: number; demo: boolean; jobs: boolean }): Promise<void> {
  const config = loadConfig();
  if (options.port !== undefined) config.port = options.port;
  const startedAt = Date.now();
  say(`Distretto: opening ${config.databaseUrl ? 'the PostgreSQL server at DATABASE_URL' : `the embedded database in ${config.dataDir}`}…`);
  const { db, firstAdministrator } = await prepareDatabase(config, { report: say, seedDemo: options.demo });
  const app = await buildHttpApp(db, config);
  // Mail delivery, reminders and rebuilds run as jobs here unless separate `distretto worker` processes run them.
  const worker = options.jobs ? startJobs(db, config, say) : null;
  onStopSignal(async () => {
    await app.close();
    await worker?.stop();
    await db.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  say('');
  say(`Distretto is ready at ${url} (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
  say(`  API documentation: ${url}/api/docs`);
  say(options.jobs ? `  Background jobs: running here (${config.jobs.slots} at a time)` : '  Background jobs: not here (--no-jobs): run `distretto worker` beside it');
  if (firstAdministrator) {
    const password = readFirstAdministratorPassword(firstAdministrator.passwordFile);
    say(`  Administrator: sign in at ${url}/accedi as ${firstAdministrator.email}` + (password ? ` with password ${password}` : ''));
    say(`    (the password is kept in ${firstAdministrator.passwordFile}; create your own admin with \`distretto users create-admin\`)`);
  }
  if (options.demo) say(`  Demo district coordinator: ${DEMO_COORDINATOR.email} / ${DEMO_COORDINATOR.password}`);
  if (options.demo) say(`  Demo firm member: ${DEMO_FIRM_USER.email} / ${DEMO_FIRM_USER.password}`);
  if (options.demo) say(`  Demo organization admin (not yet in the district): ${DEMO_ORGANIZATION_ADMIN.email} / ${DEMO_ORGANIZATION_ADMIN.password}`);
}

export function buildCli(): Command {
  const program = new Command('distretto')
    .description('Distretto: territorial welfare networks. Configure with DATABASE_URL, PORT, DISTRETTO_DATA_DIR (see README).')
    .addHelpText(
      'after',
      `\nExit codes: ${EXIT.ok} ok, ${EXIT.failure} failure, ${EXIT.usage} bad arguments or configuration, ` +
        `${EXIT.invalidInput} invalid input refused, ${EXIT.unavailable} data folder in use, ${EXIT.migration} migration refused.`,
    )
    .exitOverride()
    .showHelpAfterError();

  program
    .command('serve')
    .description('migrate, load the territory and the demo if the database is empty, and serve the web app and API')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)', parsePort)
    .option('--no-demo', 'do not seed the demo district on an empty database')
    .option('--no-jobs', 'serve only the web and API; background jobs run in `distretto worker` processes')
    .action(serve);

  program
    .command('worker')
    .description('run only background jobs (mail delivery, reminders, rebuilds) and schedules, until SIGTERM; any number may run on one PostgreSQL')
    .action(async () => {
      const config = loadConfig();
      const db = await openDatabase(config);
      try {
        await migrateDatabase(config, db);
      } catch (error) {
        await db.close();
        throw error;
      }
      const worker = startJobs(db, config, say);
      onStopSignal(async () => {
        await worker.stop();
        await db.close();
      });
      say(`Distretto worker ${worker.id}: running jobs (${config.jobs.slots} at a time) on ${config.databaseUrl ? 'the PostgreSQL server at DATABASE_URL' : `the embedded database in ${config.dataDir}`}`);
    });

  const db = program.command('db').description('database schema');
  db.command('migrate')
    .description('apply pending migrations (refuses if an applied migration was edited)')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        const applied = await migrateDatabase(config, database, { onApplied: (id) => say(`applied ${id}`) });
        say(applied.length ? `${applied.length} migration(s) applied` : 'Database is up to date');
      } finally {
        await database.close();
      }
    });
  db.command('status')
    .description('list applied and pending migrations')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        const status = await databaseMigrationStatus(config, database);
        for (const m of status.applied) say(`applied  ${m.id}  ${m.appliedAt.toISOString()}`);
        for (const id of status.pending) say(`pending  ${id}`);
        say(`${status.applied.length} applied, ${status.pending.length} pending`);
      } finally {
        await database.close();
      }
    });
  db.command('grant-app-role')
    .description('give the role the app connects with only row reads and writes (audit log: insert and read only); run as the owner')
    .argument('<role>', 'an existing PostgreSQL role, not a superuser nor the tables\' owner')
    .action(async (role: string) => {
      const config = loadConfig();
      if (!config.databaseUrl) throw new ConfigError('grant-app-role needs DATABASE_URL: the embedded database has a single session and no roles');
      const database = await openDatabase(config);
      try {
        await migrateDatabase(config, database);
        const granted = await withOwnerPool(config, database, (pool) => grantAppRole(pool, role));
        say(`Role ${role}: rows of ${granted.tables} tables and ${granted.sequences} sequences, the audit log insert and read only.`);
        say(`Connect the app with it (DATABASE_URL) and run migrations as the owner (DISTRETTO_MIGRATION_DATABASE_URL).`);
      } finally {
        await database.close();
      }
    });

  program
    .command('territory')
    .description('Italian regions, provinces and municipalities')
    .command('import')
    .description('load (or reload) the ISTAT list and Openpolis boundaries shipped in data/territory, in one transaction')
    .addOption(new Option('--regions <codes>', 'only these ISTAT region codes, comma-separated (e.g. 01,08)').argParser(parseRegionCodes))
    .action(async (options: { regions?: string[] }) => {
      await withDatabase(loadConfig(), async (context) => {
        const progress = createProgress();
        try {
          const report = await importTerritory(context, {
            regions: options.regions,
            onProgress: (done, total, phase) => progress.update(done, total, phase),
          });
          progress.stop();
          say(`${report.regions} regions, ${report.provinces} provinces, ${report.municipalities} municipalities (${report.withBoundary} with boundary)`);
          say(`Reconciliation of the 2026 ISTAT list with the 2023 boundaries (${report.reconciliation.length} differences):`);
          // Each note in Italian, the product's first language, from its facts (as the web says it), not the stored English prose.
          for (const item of report.reconciliation) say(`  ${item.istatCode} ${item.name}: ${describeReconciliation(item, 'it')}`);
          const changes = report.codeChanges;
          if (changes && changes.staleCodes > 0) {
            say(`Suppressed municipality codes held by this installation: ${changes.staleCodes}; rows moved to their successors:`);
            for (const [column, count] of Object.entries(changes.moved)) if (count > 0) say(`  ${column}: ${count}`);
            for (const item of changes.unmapped) {
              const rows = Object.entries(item.rows).map(([column, count]) => `${column} ${count}`).join(', ');
              say(`  unmapped ${item.code} ${item.name} (${item.reason}${item.successorCode ? ` → ${item.successorCode}` : ''}, ceased ${item.ceasedOn ?? 'on an unknown date'}): ${rows}`);
            }
          }
          // Municipalities' points decide which services reach them: the stored supply follows the new territory.
          const supply = await rebuildServiceSupply(context, (done, total) => progress.update(done, total, 'stored supply'));
          progress.stop();
          say(`Stored supply rebuilt: ${supply.services} services over ${supply.municipalities} municipalities`);
        } finally {
          progress.stop();
        }
      });
    });

  addZoningsCommand(program, (work) => withDatabase(loadConfig(), (context) => work(context)), say);
  addServicesCommand(program, (work) => withDatabase(loadConfig(), (context) => work(context)), say);
  addOrganizationsCommand(program, (work) => withDatabase(loadConfig(), (context) => work(context)), say);
  addMailCommand(program, (work) => withDatabase(loadConfig(), (context) => work(context)), say);
  addReferralsCommand(program, (work) => withDatabase(loadConfig(), (context) => work(context)), say);
  addAuditCommand(program, (work) => withDatabase(loadConfig(), (context) => work(context)), say);

  program
    .command('demo')
    .description('demo data')
    .command('seed')
    .description('seed the demo Pinerolese district (no-op if it exists)')
    .action(async () => {
      const config = loadConfig();
      await withDatabase(config, async (context) => {
        for (const module of MODULES) await module.onStart?.(context, say);
        const seeded = await seedDemo(context, say, await demoSeedOptions(context, config));
        say(seeded ? 'Demo district seeded' : 'The demo district already exists: nothing to do');
      });
    });

  program
    .command('users')
    .description('user accounts')
    .command('create-admin')
    .description('create a platform administrator (prints a generated password unless DISTRETTO_ADMIN_PASSWORD is set)')
    .requiredOption('--email <email>', 'e-mail address used to sign in')
    .option('--name <name>', 'display name', 'Amministratore')
    .action(async (options: { email: string; name: string }) => {
      const password = process.env.DISTRETTO_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
      await withDatabase(loadConfig(), async (context) => {
        const user = await createUser(context, { email: options.email, displayName: options.name, password, grants: [{ role: 'platform_admin' }] });
        say(`Administrator ${user.email} created.`);
        if (!process.env.DISTRETTO_ADMIN_PASSWORD) say(`Password: ${password}`);
      });
    });

  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildCli();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`Error: ${describeError(error)}\n`);
    return exitCodeFor(error);
  }
}

const isEntryPoint = process.argv[1] && /server[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
const isBin = process.argv[1] && /distretto(\.mjs)?$/.test(process.argv[1]);
if (isEntryPoint || isBin) {
  const code = await runCli(process.argv.slice(2));
  // `serve` and `worker` keep running; every other command ends here.
  if (code !== EXIT.ok || (process.argv[2] !== 'serve' && process.argv[2] !== 'worker')) process.exit(code);
}
