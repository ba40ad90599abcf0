import { readFileSync } from 'node:fs';
import { readTextFile } from '../platform/import/read-text-file';
import { basename } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { ZONING_DOMAINS, type TZoningDomain, type TZoningFileFormat, type TZoningImportReport } from '../../common/contracts/zonings';
import { AppError } from '../platform/errors/app-error';
import type { UseCaseContext } from '../platform/use-case';
import { compareZonings, formatFromFileName, importZoning } from '../modules/zonings';
import { createProgress } from './progress';

type WithDatabase = <T>(work: (context: UseCaseContext) => Promise<T>) => Promise<T>;

function parseRegions(value: string): string[] {
  const codes = value.split(',').map((code) => code.trim());
  for (const code of codes) if (!/^\d{2}$/.test(code)) throw new InvalidArgumentError(`"${code}" is not a two-digit ISTAT region code (e.g. 01)`);
  return codes;
}

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('must be a date YYYY-MM-DD');
  return value;
}

/** The per-row report: every problem with its line, errors first, and the zones found. */
export function printImportReport(report: TZoningImportReport, say: (line: string) => void): void {
  say(`${report.rowCount} row(s), ${report.municipalityCount} municipalities, ${report.zones.length} zone(s), population ${report.population}; regions ${report.regionCodes.join(', ') || '—'} (${report.coverage})`);
  for (const zone of report.zones) say(`  zone ${zone.code} ${zone.name}${zone.nameIsDerived ? ' (name derived from its most populous municipality)' : ''}: ${zone.municipalityCount} municipalities, population ${zone.population}`);
  if (report.mappedCodeCount > 0) say(`${report.mappedCodeCount} suppressed code(s) read as their successor (listed below)`);
  if (report.splitMunicipalityCount > 0) say(`${report.splitMunicipalityCount} municipality(ies) divided between zones (listed below)`);
  const errors = report.problems.filter((p) => p.severity === 'error');
  const notices = report.problems.filter((p) => p.severity === 'notice');
  if (errors.length > 0) say(`${report.errorCount} error(s):`);
  for (const problem of errors) say(`  ERROR [${problem.kind}] ${problem.message}`);
  if (notices.length > 0) say(`${notices.length} notice(s):`);
  for (const problem of notices) say(`  notice [${problem.kind}] ${problem.message}`);
}

/** `distretto zonings import FILE …` and `distretto zonings compare A B`. */
export function addZoningsCommand(program: Command, withDatabase: WithDatabase, say: (line: string) => void): void {
  const zonings = program.command('zonings').description('zonings (maps of zones over municipalities) and their alignment');
  zonings
    .command('import')
    .description('check and import a zoning from CSV (zone_code,zone_name,istat_code) or GeoJSON, in one transaction')
    .argument('<file>', 'a .csv or .geojson file')
    .option('--dry-run', 'only check the file and print the report; write nothing', false)
    .option('--name <name>', 'name of the zoning (default: the file name)')
    .addOption(new Option('--domain <domain>', 'policy domain').choices([...ZONING_DOMAINS]).default('other'))
    .addOption(new Option('--coverage <coverage>', 'partition: every municipality of the regions in one zone; partial: some in none').choices(['partition', 'partial']).default('partition'))
    .addOption(new Option('--region <codes>', 'ISTAT region code(s) covered, comma-separated (default: inferred from the file)').argParser(parseRegions))
    .option('--source <text>', 'where the zoning comes from', '')
    .addOption(new Option('--reference-date <date>', 'date the zoning refers to (YYYY-MM-DD)').argParser(parseDate))
    .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'geojson']))
    .option('--zone-property <name>', 'GeoJSON: the feature property holding the zone code', 'zone_code')
    .option('--derive-zone-names', 'name each zone "<name> – <its most populous municipality>" (for sources giving codes only)', false)
    .action(async (file: string, options: { dryRun: boolean; name?: string; domain: TZoningDomain; coverage: 'partition' | 'partial'; region?: string[]; source: string; referenceDate?: string; format?: TZoningFileFormat; zoneProperty: string; deriveZoneNames: boolean }) => {
      const format = options.format ?? formatFromFileName(file);
      if (!format) throw new InvalidArgumentError(`cannot tell the format of ${file}: use --format csv|geojson`);
      let content: string;
      try {
        content = readTextFile(readFileSync(file)).text;
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('COMMON.BAD_REQUEST', `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
      await withDatabase(async (context) => {
        const progress = createProgress();
        const request = {
          name: options.name ?? basename(file).replace(/\.(csv|geo)?json$|\.csv$/i, ''),
          domain: options.domain,
          coverage: options.coverage,
          regionCodes: options.region ?? [],
          source: options.source,
          referenceDate: options.referenceDate ?? null,
          format,
          content,
          zoneProperty: options.zoneProperty,
          deriveZoneNames: options.deriveZoneNames,
          dryRun: options.dryRun,
        };
        try {
          const report = await importZoning(context, request, { onProgress: (done, total, phase) => progress.update(done, total, phase) });
          progress.stop();
          printImportReport(report, say);
          if (report.dryRun) {
            say(report.errorCount > 0 ? `Dry run: the file would be refused (${report.errorCount} error(s)).` : 'Dry run: the file is valid; nothing was written.');
            if (report.errorCount > 0) throw new AppError('ZONINGS.INVALID_FILE', `${report.errorCount} error(s) in ${file}`);
          } else {
            say(`Imported "${request.name}" (id ${report.zoningId}).`);
          }
        } catch (error) {
          progress.stop();
          const report = error instanceof AppError ? (error.details?.report as TZoningImportReport | undefined) : undefined;
          if (report) printImportReport(report, say);
          throw error;
        }
      });
    });
  zonings
    .command('compare')
    .description('compare zoning A with zoning B (or "districts"): scores, crosswalk and municipalities that break coincidence')
    .argument('<a>', 'id of zoning A')
    .argument('<b>', 'id of zoning B, or "districts"')
    .action(async (a: string, b: string) => {
      await withDatabase(async (context) => {
        const alignment = await compareZonings(context, { a, b });
        const { scores } = alignment;
        say(`${alignment.a.name} → ${alignment.b.name}: ${alignment.sharedMunicipalityCount} shared municipalities (${alignment.onlyInACount} only in A, ${alignment.onlyInBCount} only in B)`);
        say(`  coincidence share ${(scores.coincidenceShare * 100).toFixed(2)}% of people (${(scores.coincidenceShareMunicipalities * 100).toFixed(2)}% of municipalities)`);
        say(`  adjusted Rand index ${scores.adjustedRandIndex.toFixed(4)} (municipalities ${scores.adjustedRandIndexMunicipalities.toFixed(4)})`);
        say(`  normalized variation of information ${scores.normalizedVariationOfInformation.toFixed(4)} (municipalities ${scores.normalizedVariationOfInformationMunicipalities.toFixed(4)})`);
        for (const row of alignment.crosswalk) {
          say(`  ${row.aZoneCode} ${row.aZoneName}: ${(row.mainShare * 100).toFixed(1)}% in main zone; ${row.cells.map((c) => `${c.bZoneCode} ${c.municipalityCount}/${c.population}`).join(', ')}`);
        }
        say(`${alignment.breaking.length} municipalities break coincidence (${alignment.breakingPopulation} people)`);
        for (const m of alignment.breaking) say(`  ${m.istatCode} ${m.name} (${m.population}): ${m.aZoneCode} → ${m.bZoneCode}, main ${m.mainBZoneCode}`);
      });
    });
}
