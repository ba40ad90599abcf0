import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { TImportMapping, TImportReport, TKindChoices } from '../../common/contracts/organizations';
import { KIND_INFERENCE_REASONS } from '../../common/domain/organization-kind-inference';
import { ORGANIZATION_KIND_CODES } from '../../common/domain/organizations';
import { ORGANIZATION_IMPORT_FIELDS, type OrganizationImportField } from '../../common/domain/organization-registry';
import type { UseCaseContext } from '../platform/use-case';
import { importOrganizations } from '../modules/organizations';
import { loadTerritoryIfEmpty } from '../modules/territory';
import { createProgress } from './progress';

type WithDatabase = <T>(work: (context: UseCaseContext) => Promise<T>) => Promise<T>;

const isField = (value: string): value is OrganizationImportField => (ORGANIZATION_IMPORT_FIELDS as readonly string[]).includes(value);

/** `--mapping mapping.json` (an object header → field) or `--mapping "Ragione sociale=legalName;Tipo=kind"`. */
export function parseMapping(value: string): TImportMapping {
  let entries: [string, unknown][];
  if (value.endsWith('.json')) {
    if (!existsSync(value)) throw new InvalidArgumentError(`no such file ${value}`);
    try {
      entries = Object.entries(JSON.parse(readFileSync(value, 'utf8')) as Record<string, unknown>);
    } catch (error) {
      throw new InvalidArgumentError(`${value} is not a JSON object: ${(error as Error).message}`);
    }
  } else {
    entries = value.split(';').filter(Boolean).map((pair) => {
      const at = pair.lastIndexOf('=');
      if (at <= 0) throw new InvalidArgumentError(`"${pair}" is not HEADER=field`);
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    });
  }
  const mapping: TImportMapping = {};
  for (const [header, field] of entries) {
    if (field === null || field === '') mapping[header] = null;
    else if (typeof field === 'string' && isField(field)) mapping[header] = field;
    else throw new InvalidArgumentError(`"${String(field)}" (column "${header}") is not one of: ${ORGANIZATION_IMPORT_FIELDS.join(', ')}`);
  }
  return mapping;
}

/** `--kind sports_club=other_third_sector`, repeatable: the kind confirmed for one group of proposed kinds. */
export function parseKindChoice(value: string, previous: TKindChoices = {}): TKindChoices {
  const [reason, kind] = value.split('=').map((part) => part.trim());
  if (!reason || !(KIND_INFERENCE_REASONS as readonly string[]).includes(reason)) throw new InvalidArgumentError(`"${reason ?? ''}" is not one of: ${KIND_INFERENCE_REASONS.join(', ')}`);
  if (!kind || !(ORGANIZATION_KIND_CODES as readonly string[]).includes(kind)) throw new InvalidArgumentError(`"${kind ?? ''}" is not one of: ${ORGANIZATION_KIND_CODES.join(', ')}`);
  return { ...previous, [reason]: kind };
}

function parseSource(value: string): string {
  const source = value.trim();
  if (source.length < 2 || source.length > 200) throw new InvalidArgumentError('from 2 to 200 characters');
  return source;
}

function parseBatchSize(value: string): number {
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 5000) throw new InvalidArgumentError('must be a whole number from 1 to 5000');
  return size;
}

export function printOrganizationImportReport(report: TImportReport, say: (line: string) => void): void {
  const verb = report.isDryRun ? 'would be' : 'were';
  say(`${report.totalRows} row(s)${report.isDryRun ? ' (dry run: nothing was written)' : ''}:`);
  say(`  ${report.created} ${verb} created, ${report.updated} ${verb} updated (same fiscal code), ${report.flagged} ${verb} flagged as probable duplicates, ${report.rejected.length} rejected`);
  if (report.kindInferred > 0) say(`  ${report.kindInferred} with their kind inferred from the name and the 5x1000 lists`);
  if (report.inferredKinds.length > 0) {
    say('Proposed kinds (reason: kind, rows, e.g.):');
    for (const group of report.inferredKinds) {
      const kind = group.kind === group.proposedKind ? group.kind : `${group.kind} (proposed ${group.proposedKind})`;
      say(`  ${group.reason}: ${kind}, ${group.count} row(s), e.g. ${group.examples.join('; ')}`);
    }
    if (report.isDryRun) say('To import with these kinds: --accept-inferred-kinds; to change a group: --kind reason=kind (repeatable).');
  }
  for (const row of report.notes) say(`  line ${row.line}: ${row.note}`);
  for (const row of report.rejected) say(`  line ${row.line}: ${row.reason}`);
  if (report.importId) say(`Import ${report.importId}: ${report.status}`);
}

/** `distretto organizations import FILE.csv [--dry-run] [--mapping …] [--resume]`. */
export function addOrganizationsCommand(program: Command, withDatabase: WithDatabase, say: (line: string) => void): void {
  program
    .command('organizations')
    .description('the registry of organizations')
    .command('import')
    .description('import organizations from CSV (UTF-8 or Windows-1252, comma or semicolon), in resumable batches')
    .argument('<file>', 'CSV file; columns documented in data/examples/README.md')
    .option('--dry-run', 'report what would be created, updated, flagged and rejected, and write nothing')
    .option('--mapping <mapping>', 'column mapping: a JSON file {"header": "field"} or "Header=field;Header=field" (default: remembered for this file shape, else guessed)', parseMapping)
    .option('--resume', 'continue the unfinished import of this same file from its last committed batch')
    .option('--single-transaction', 'all rows in one transaction: all or nothing (not resumable)')
    .option('--batch-size <rows>', 'rows per committed batch (default 500)', parseBatchSize)
    .option('--accept-inferred-kinds', 'a file without a kind column: import with the kinds proposed from the names and 5x1000 lists (a dry run lists them)')
    .option('--kind <reason=kind>', 'a file without a kind column: the kind for one group of proposals, e.g. sports_club=other_third_sector (repeatable)', parseKindChoice)
    .option('--source <text>', 'the public source recorded on every organization of the file, e.g. "Agenzia delle Entrate – elenchi 5x1000 2022 (onData)"', parseSource)
    .action(async (file: string, options: {
      dryRun?: boolean; mapping?: TImportMapping; resume?: boolean; singleTransaction?: boolean; batchSize?: number; acceptInferredKinds?: boolean; kind?: TKindChoices; source?: string;
    }, command: Command) => {
      if (!existsSync(file)) command.error(`error: no such file ${file}`, { exitCode: 2 });
      if (options.resume && (options.dryRun || options.mapping)) {
        command.error("error: --resume continues with the first run's mapping; it cannot be combined with --dry-run or --mapping", { exitCode: 2 });
      }
      const content = readFileSync(file);
      await withDatabase(async (context) => {
        const territory = await loadTerritoryIfEmpty(context);
        if (territory) say(`Territory loaded first (${territory.municipalities} municipalities)`);
        const progress = createProgress();
        try {
          const report = await importOrganizations(context, {
            fileName: basename(file), content, mapping: options.mapping, isDryRun: options.dryRun, resume: options.resume,
            isSingleTransaction: options.singleTransaction, batchSize: options.batchSize,
            acceptInferredKinds: options.acceptInferredKinds, kindChoices: options.kind, source: options.source,
            onProgress: (done, total) => progress.update(done, total, options.dryRun ? 'dry run' : 'import'),
          });
          progress.stop();
          printOrganizationImportReport(report, say);
        } finally {
          progress.stop();
        }
      });
    });
}
