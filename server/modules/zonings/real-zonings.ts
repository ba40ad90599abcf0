import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REGIONAL_COMPARISON, type TZoningImportReport, type TZoningImportRequest } from '../../../common/contracts/zonings';
import type { UseCaseContext } from '../../platform/use-case';
import { importZoning } from './import-zoning';
import { selectLoadedRegionCodes, selectZoningIdByName } from './zonings.repository';

const REAL_ZONINGS_DIR = fileURLToPath(new URL('../../../data/zonings/', import.meta.url));

interface RealZoning {
  file: string;
  licence: string;
  /** The region of a row, from its zone code (ASL codes begin with the region: 010203 = Piemonte's TO3). */
  regionOfRow?: (zoneCode: string) => string;
  request: Omit<TZoningImportRequest, 'content'>;
}

/** The real zonings shipped in data/zonings (data/README.md gives their source and licence). */
export const REAL_ZONINGS = {
  asl: {
    file: 'asl-italia-2019.csv',
    licence: 'Italian Open Data License v1.0 (IODL 1.0)',
    regionOfRow: (zoneCode) => zoneCode.slice(0, 2),
    request: {
      name: REGIONAL_COMPARISON.healthZoningName,
      domain: 'health',
      source: 'Fonte: Ministero della Salute, dati aperti «Popolazione residente per ASL e comune» (2019)',
      referenceDate: '2019-01-01',
      description:
        "L'azienda sanitaria locale (ASL) di ogni comune italiano nel 2019. Roma è divisa fra tre ASL secondo i suoi municipi: " +
        'la quota di abitanti in ciascuna viene dalla popolazione che il Ministero attribuisce a ogni parte. ' +
        'I codici dei comuni soppressi dopo il 2019 sono letti come il loro successore dove la storia dei codici lo indica; ' +
        'i comuni nati dopo il 2019 il cui successore non è ricavabile restano senza ASL e sono segnalati (copertura parziale).',
      // Partial: municipalities born after 2019 whose predecessors' successor the history of codes cannot derive
      // (Borgo d'Anaunia, Novella, Ville di Fiemme on 1 Jan 2020; Misiliscemi, 2021) are reported in no zone, not guessed.
      coverage: 'partial',
      regionCodes: [],
      format: 'csv',
    },
  },
  employmentAreas: {
    file: 'piemonte-bacini-impiego.csv',
    licence: 'EUPL-1.2',
    request: {
      name: REGIONAL_COMPARISON.employmentZoningName,
      domain: 'employment',
      source: 'Fonte: Regione Piemonte / CSI Piemonte, tabella dei comuni e dei bacini per l\'impiego (repository regione-piemonte/gemip)',
      referenceDate: null,
      description:
        "I 30 bacini dei centri per l'impiego del Piemonte. La fonte dà solo i codici dei bacini: ogni bacino prende il nome " +
        'dal suo comune più popoloso (nome derivato). La fonte elenca ancora comuni soppressi da fusioni, letti come il loro successore ' +
        'dove la storia dei codici lo indica; dove non lo indica il comune è segnalato e resta fuori, e i comuni nati dalla fusione ' +
        'restano senza bacino (copertura parziale) finché la Regione non li assegna.',
      // Partial: the source lacks municipalities born of mergers whose predecessors' successor the history of codes
      // cannot derive (e.g. Quaregna Cerreto, 2019); they are reported as in no zone rather than guessed.
      coverage: 'partial',
      regionCodes: ['01'],
      format: 'csv',
      deriveZoneNames: true,
    },
  },
} as const satisfies Record<string, RealZoning>;

export function readRealZoning(file: string): string {
  return readFileSync(`${REAL_ZONINGS_DIR}${file}`, 'utf8');
}

/**
 * The file's rows of the loaded regions only: other rows become empty lines, so every line keeps its number in the
 * report. An installation holds all twenty regions; a test database may hold one.
 */
function rowsOfRegions(content: string, regionOfRow: (zoneCode: string) => string, regions: Set<string>): { content: string; leftOut: number } {
  let leftOut = 0;
  const lines = content.split(/\r?\n/).map((line, index) => {
    if (index === 0 || line.trim() === '') return line;
    if (regions.has(regionOfRow(line.split(',', 1)[0]!))) return line;
    leftOut += 1;
    return '';
  });
  return { content: lines.join('\n'), leftOut };
}

/**
 * Loads the real zonings of data/zonings that are not there yet (by name), as the territory is loaded on the first
 * start. A zoning whose regions are not loaded at all is skipped and said so; a file that fails its checks is
 * reported and not loaded (the application still starts).
 */
export async function loadRealZoningsIfMissing(context: UseCaseContext, report: (message: string) => void): Promise<TZoningImportReport[]> {
  const loadedRegions = new Set(await selectLoadedRegionCodes(context.db.orm));
  if (loadedRegions.size === 0) return [];
  const reports: TZoningImportReport[] = [];
  for (const zoning of Object.values(REAL_ZONINGS) as RealZoning[]) {
    if (await selectZoningIdByName(context.db.orm, zoning.request.name)) continue;
    let content = readRealZoning(zoning.file);
    const declared = zoning.request.regionCodes ?? [];
    if (declared.length > 0 && !declared.every((code) => loadedRegions.has(code))) {
      report(`Zoning "${zoning.request.name}" not loaded: its regions (${declared.join(', ')}) are not in the territory`);
      continue;
    }
    if (zoning.regionOfRow) {
      const filtered = rowsOfRegions(content, zoning.regionOfRow, loadedRegions);
      content = filtered.content;
      if (filtered.leftOut > 0) report(`Zoning "${zoning.request.name}": ${filtered.leftOut} rows of regions not in the territory left out`);
    }
    const request: TZoningImportRequest = { ...zoning.request, regionCodes: [...declared], content, dryRun: true };
    const check = await importZoning(context, request);
    if (check.errorCount > 0) {
      const first = check.problems.filter((p) => p.severity === 'error').slice(0, 5).map((p) => p.message);
      report(`Zoning "${zoning.request.name}" not loaded: ${check.errorCount} error(s), e.g. ${first.join(' | ')}`);
      continue;
    }
    const result = await importZoning(context, { ...request, dryRun: false }, { licence: zoning.licence });
    reports.push(result);
    report(
      `Zoning "${zoning.request.name}" loaded: ${result.zones.length} zones, ${result.municipalityCount} municipalities; ` +
        `${result.mappedCodeCount} suppressed codes read as their successor, ${result.splitMunicipalityCount} municipalities split between zones`,
    );
  }
  return reports;
}
