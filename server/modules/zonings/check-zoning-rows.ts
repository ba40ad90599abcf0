import type { TZoningCoverage, TZoningImportReport, TZoningProblem } from '../../../common/contracts/zonings';
import type { ZoningFileRow } from './zoning-file';

export interface KnownMunicipality {
  istatCode: string;
  name: string;
  regionCode: string;
  population: number;
}

export interface ZoneToWrite {
  code: string;
  name: string;
  municipalityCodes: string[];
}

export interface CheckedZoning {
  zones: ZoneToWrite[];
  summary: Omit<TZoningImportReport, 'dryRun' | 'isWritten' | 'zoningId'>;
}

/** Lists at most this many gaps one by one; the count is always exact. */
const MAX_LISTED_GAPS = 200;

/**
 * The territory checks of an import, on rows already read from the file:
 * unknown ISTAT codes, a municipality listed twice in a zone, a municipality in two zones, one zone code with two
 * names, municipalities outside the declared regions, and municipalities of the regions in no zone (an error for a
 * partition, a notice for a partial cover). `known` holds every listed code that exists; `regionMunicipalities`
 * every municipality of the zoning's regions.
 */
export function checkZoningRows(input: {
  rows: ZoningFileRow[];
  coverage: TZoningCoverage;
  regionCodes: string[];
  known: Map<string, KnownMunicipality>;
  regionMunicipalities: KnownMunicipality[];
  fileProblems: TZoningProblem[];
}): CheckedZoning {
  const problems: TZoningProblem[] = [...input.fileProblems];
  const regions = new Set(input.regionCodes);
  const zones = new Map<string, { name: string; nameLine: number; codes: string[] }>();
  const placed = new Map<string, { zoneCode: string; line: number }>();

  for (const row of input.rows) {
    const municipality = input.known.get(row.istatCode);
    if (!municipality) {
      problems.push({ kind: 'unknown_code', severity: 'error', line: row.line, istatCode: row.istatCode, message: `Line ${row.line}: ${row.istatCode} is not an ISTAT municipality code Distretto knows` });
      continue;
    }
    if (regions.size > 0 && !regions.has(municipality.regionCode)) {
      problems.push({
        kind: 'outside_regions',
        severity: 'error',
        line: row.line,
        istatCode: row.istatCode,
        message: `Line ${row.line}: ${row.istatCode} ${municipality.name} is in region ${municipality.regionCode}, outside the zoning's regions (${[...regions].join(', ')})`,
      });
      continue;
    }
    let zone = zones.get(row.zoneCode);
    if (!zone) {
      zone = { name: row.zoneName, nameLine: row.line, codes: [] };
      zones.set(row.zoneCode, zone);
    } else if (zone.name !== row.zoneName) {
      problems.push({
        kind: 'zone_name_conflict',
        severity: 'error',
        line: row.line,
        istatCode: row.istatCode,
        message: `Line ${row.line}: zone ${row.zoneCode} is called "${row.zoneName}" here but "${zone.name}" on line ${zone.nameLine}`,
      });
    }
    const earlier = placed.get(row.istatCode);
    if (earlier) {
      problems.push(
        earlier.zoneCode === row.zoneCode
          ? { kind: 'duplicate_row', severity: 'error', line: row.line, istatCode: row.istatCode, message: `Line ${row.line}: ${row.istatCode} ${municipality.name} is listed again in zone ${row.zoneCode} (first on line ${earlier.line})` }
          : {
              kind: 'in_two_zones',
              severity: 'error',
              line: row.line,
              istatCode: row.istatCode,
              message: `Line ${row.line}: ${row.istatCode} ${municipality.name} is in zone ${row.zoneCode} and also in zone ${earlier.zoneCode} (line ${earlier.line})`,
            },
      );
      continue;
    }
    placed.set(row.istatCode, { zoneCode: row.zoneCode, line: row.line });
    zone.codes.push(row.istatCode);
  }

  const gaps = input.regionMunicipalities.filter((m) => !placed.has(m.istatCode)).sort((x, y) => x.istatCode.localeCompare(y.istatCode));
  const gapSeverity = input.coverage === 'partition' ? 'error' : 'notice';
  for (const gap of gaps.slice(0, MAX_LISTED_GAPS)) {
    problems.push({
      kind: 'gap',
      severity: gapSeverity,
      line: null,
      istatCode: gap.istatCode,
      message:
        input.coverage === 'partition'
          ? `${gap.istatCode} ${gap.name} (region ${gap.regionCode}) is in no zone, but a partition must place every municipality of its regions`
          : `${gap.istatCode} ${gap.name} (region ${gap.regionCode}) is in no zone (accepted: partial cover)`,
    });
  }
  if (gaps.length > MAX_LISTED_GAPS) {
    problems.push({ kind: 'gap', severity: gapSeverity, line: null, istatCode: null, message: `… and ${gaps.length - MAX_LISTED_GAPS} more municipalities in no zone (${gaps.length} in all)` });
  }

  const population = (codes: string[]) => codes.reduce((sum, code) => sum + (input.known.get(code)?.population ?? 0), 0);
  const zoneList = [...zones.entries()]
    .map(([code, zone]) => ({ code, name: zone.name, municipalityCodes: zone.codes }))
    .sort((x, y) => x.code.localeCompare(y.code, 'it', { numeric: true }));
  return {
    zones: zoneList,
    summary: {
      rowCount: input.rows.length + input.fileProblems.filter((p) => p.kind === 'malformed_row').length,
      municipalityCount: placed.size,
      population: population([...placed.keys()]),
      regionCodes: [...regions].sort(),
      coverage: input.coverage,
      zones: zoneList.map((zone) => ({ code: zone.code, name: zone.name, municipalityCount: zone.municipalityCodes.length, population: population(zone.municipalityCodes) })),
      errorCount: problems.filter((p) => p.severity === 'error').length,
      problems,
    },
  };
}
