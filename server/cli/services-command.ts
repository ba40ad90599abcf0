import { readFileSync, writeFileSync } from 'node:fs';
import { readTextFile } from '../platform/import/read-text-file';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { TServiceImportReport } from '../../common/contracts/services';
import { AppError } from '../platform/errors/app-error';
import type { UseCaseContext } from '../platform/use-case';
import { exportHsds, importServicesCsv, queueSupplyRebuild, rebuildServiceSupply } from '../modules/services';
import { createProgress } from './progress';

type WithDatabase = <T>(work: (context: UseCaseContext) => Promise<T>) => Promise<T>;

function parseFormat(value: string): 'hsds' {
  if (value !== 'hsds') throw new InvalidArgumentError('the only format is "hsds" (Open Referral HSDS 3 JSON)');
  return value;
}

/** Every row with its line: ok, or the reasons it was refused. */
export function printServiceImportReport(report: TServiceImportReport, say: (line: string) => void): void {
  for (const row of report.rows) {
    say(row.status === 'ok' ? `  line ${row.line}: ok  ${row.name}` : `  line ${row.line}: ERROR ${row.name || '(no name)'} — ${row.reasons.join('; ')}`);
  }
  const outcome = report.dryRun ? 'dry run, nothing written' : report.created > 0 ? `${report.created} created` : 'nothing written: fix the errors and send the file again';
  say(`${report.total} row(s), ${report.valid} valid, ${report.total - report.valid} with errors (${outcome})`);
}

/**
 * `distretto services export --format hsds [--output FILE]`, `distretto services import FILE [--dry-run]` and
 * `distretto services rebuild-supply [--now]`.
 */
export function addServicesCommand(program: Command, withDatabase: WithDatabase, say: (line: string) => void): void {
  const services = program.command('services').description('the services directory');
  services
    .command('export')
    .description('write the whole directory as Open Referral HSDS 3 JSON (organizations, services, locations, taxonomy)')
    .addOption(new Option('--format <format>', 'output format').argParser(parseFormat).makeOptionMandatory())
    .option('-o, --output <file>', 'file to write (default: standard output)')
    .action(async (options: { format: 'hsds'; output?: string }) => {
      await withDatabase(async (context) => {
        const progress = createProgress();
        try {
          const data = await exportHsds(context, (done, total) => progress.update(done, total, 'services'));
          progress.stop();
          const json = `${JSON.stringify(data, null, 2)}\n`;
          if (options.output) {
            writeFileSync(options.output, json);
            say(`HSDS ${data.hsds_version}: ${data.services.length} services, ${data.organizations.length} organizations, ${data.locations.length} locations, ${data.taxonomy_terms.length} taxonomy terms → ${options.output}`);
          } else {
            process.stdout.write(json);
          }
        } finally {
          progress.stop();
        }
      });
    });
  services
    .command('import')
    .description('import services from a CSV file (see data/examples/servizi-pinerolese.csv); writes only if every row is valid')
    .argument('<file>', 'CSV file with a header row (UTF-8, UTF-16 or Windows-1252: the encoding is detected)')
    .option('--dry-run', 'check every row and report, write nothing')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw new AppError('COMMON.BAD_REQUEST', `cannot read ${file}: ${(error as Error).message}`);
      }
      // The same reader as every import: BOMs, UTF-16, UTF-8 or a detected single-byte encoding, said here.
      const { text: csv, encoding } = readTextFile(bytes);
      say(`${file}: read as ${encoding}`);
      const report = await withDatabase(async (context) => {
        const progress = createProgress();
        try {
          return await importServicesCsv(context, csv, { dryRun: Boolean(options.dryRun), onProgress: (done, total) => progress.update(done, total, 'rows') });
        } finally {
          progress.stop();
        }
      });
      printServiceImportReport(report, say);
      if (report.valid < report.total) throw new AppError('COMMON.VALIDATION', `${report.total - report.valid} row(s) with errors in ${file}`);
    });
  services
    .command('rebuild-supply')
    .description('queue a recomputation of the stored supply the matching page reads (every municipality, every stored radius) for a worker; needed only after loading services in SQL')
    .option('--now', 'recompute it in this process instead of queueing a job, and wait for it')
    .action(async (options: { now?: boolean }) => {
      if (!options.now) {
        const { jobId } = await withDatabase((context) => queueSupplyRebuild(context));
        say(jobId === null ? 'A rebuild of the stored supply is already queued or running: nothing more to queue' : `Rebuild of the stored supply queued as job ${jobId}: a worker (serve, or distretto worker) runs it`);
        return;
      }
      const summary = await withDatabase(async (context) => {
        const progress = createProgress();
        try {
          return await rebuildServiceSupply(context, (done, total) => progress.update(done, total, 'municipalities × radii'));
        } finally {
          progress.stop();
        }
      });
      say(`Stored supply rebuilt: ${summary.services} services over ${summary.municipalities} municipalities at ${summary.radiiKm.join(', ')} km`);
    });
}
