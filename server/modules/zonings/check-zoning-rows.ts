import type { TZoningCoverage, TZoningImportReport, TZoningProblem } from '../../../common/contracts/zonings';
import { describeMunicipalityResolution } from '../../../common/domain/municipality-codes';
import type { CodeResolution } from './code-resolution';
import type { ZoningFileRow } from './zoning-file';

export interface KnownMunicipality {
  istatCode: string;
  name: string;
  regionCode: string;
  population: number;
}

/** One municipality (or one part of a split municipality) in a zone. */
export interface ZoneMembership {
  municipalityCode: string;
  /** Share of the municipality's people in this zone: null for a whole municipality, or a part without a known share. */
  share: number | null;
  /** Which part, as the file says it ('' for a whole municipality). */
  partNote: string;
}

export interface ZoneToWrite {
  code: string;
  name: string;
  nameIsDerived: boolean;
  memberships: ZoneMembership[];
}

export interface CheckedZoning {
  zones: ZoneToWrite[];
  summary: Omit<TZoningImportReport, 'dryRun' | 'isWritten' | 'zoningId'>;
}

/** Lists at most this many gaps one by one; the count is always exact. */
const MAX_LISTED_GAPS = 200;

/** A row placed in a zone, after its code was resolved. */
interface Placement {
  row: ZoningFileRow;
  /** The code as written in the file, when it was suppressed and read as its successor. */
  suppressed: Extract<CodeResolution, { kind: 'succeeded' }> | null;
}

/** The part of a municipality a row describes, when the file gives one (a name, a population or a share). */
const describesPart = (row: ZoningFileRow) => Boolean(row.part && (row.part.name || row.part.population !== null || row.part.share !== null));

/**
 * The territory checks of an import, on rows already read from the file:
 * codes resolved through the territory's history (a suppressed code is read as its successor and said so on its
 * line; a successor landing in two zones is a conflict to resolve; a code that ceased without derivable successor is
 * reported and left out; an unknown code refuses the file), a municipality listed twice in a zone, a municipality
 * in two zones (accepted as a split when each row describes its part: a population, a share or the part's name), one
 * zone code with two names, municipalities outside the declared regions, and municipalities of the regions in no
 * zone (an error for a partition, a notice for a partial cover). `known` holds every current code the rows resolve
 * to; `regionMunicipalities` every municipality of the zoning's regions.
 */
export function checkZoningRows(input: {
  rows: ZoningFileRow[];
  coverage: TZoningCoverage;
  regionCodes: string[];
  resolutions: Map<string, CodeResolution>;
  known: Map<string, KnownMunicipality>;
  regionMunicipalities: KnownMunicipality[];
  fileProblems: TZoningProblem[];
  deriveZoneNames?: boolean;
}): CheckedZoning {
  const problems: TZoningProblem[] = [...input.fileProblems];
  const regions = new Set(input.regionCodes);
  const zones = new Map<string, { name: string; nameLine: number }>();
  /** Municipality code → its placements, in file order. */
  const placed = new Map<string, Placement[]>();
  let mappedCodeCount = 0;

  for (const row of input.rows) {
    const resolution = input.resolutions.get(row.istatCode) ?? { kind: 'unknown', code: row.istatCode };
    if (resolution.kind === 'unknown') {
      problems.push({ kind: 'unknown_code', severity: 'error', line: row.line, istatCode: row.istatCode, message: `Line ${row.line}: ${row.istatCode} is not an ISTAT municipality code Distretto knows` });
      continue;
    }
    if (resolution.kind === 'ceased') {
      problems.push({
        kind: 'ceased_code',
        severity: 'notice',
        line: row.line,
        istatCode: row.istatCode,
        message: `Line ${row.line}: ${describeMunicipalityResolution(resolution, 'en')}: row not imported`,
      });
      continue;
    }
    const suppressed = resolution.kind === 'succeeded' ? resolution : null;
    const code = suppressed ? suppressed.successorCode : row.istatCode;
    const municipality = input.known.get(code);
    if (!municipality) {
      problems.push({ kind: 'unknown_code', severity: 'error', line: row.line, istatCode: row.istatCode, message: `Line ${row.line}: ${row.istatCode} is not an ISTAT municipality code Distretto knows` });
      continue;
    }
    if (suppressed) {
      mappedCodeCount += 1;
      problems.push({
        kind: 'successor_code',
        severity: 'notice',
        line: row.line,
        istatCode: row.istatCode,
        message: `Line ${row.line}: ${describeMunicipalityResolution(suppressed, 'en')}`,
      });
    }
    if (regions.size > 0 && !regions.has(municipality.regionCode)) {
      problems.push({
        kind: 'outside_regions',
        severity: 'error',
        line: row.line,
        istatCode: row.istatCode,
        message: `Line ${row.line}: ${code} ${municipality.name} is in region ${municipality.regionCode}, outside the zoning's regions (${[...regions].join(', ')})`,
      });
      continue;
    }
    const zone = zones.get(row.zoneCode);
    if (!zone) {
      zones.set(row.zoneCode, { name: row.zoneName, nameLine: row.line });
    } else if (zone.name !== row.zoneName) {
      problems.push({
        kind: 'zone_name_conflict',
        severity: 'error',
        line: row.line,
        istatCode: row.istatCode,
        message: `Line ${row.line}: zone ${row.zoneCode} is called "${row.zoneName}" here but "${zone.name}" on line ${zone.nameLine}`,
      });
    }
    placed.set(code, [...(placed.get(code) ?? []), { row, suppressed }]);
  }

  const memberships = new Map<string, ZoneMembership[]>();
  let splitMunicipalityCount = 0;
  for (const [code, placements] of placed) {
    const name = input.known.get(code)!.name;
    // Rows of one municipality in one zone: a repeated row is an error; two old codes merged into it are one membership.
    const byZone = new Map<string, Placement[]>();
    for (const placement of placements) {
      const inZone = byZone.get(placement.row.zoneCode);
      if (!inZone) {
        byZone.set(placement.row.zoneCode, [placement]);
        continue;
      }
      const first = inZone[0]!;
      if (inZone.some((earlier) => earlier.row.istatCode === placement.row.istatCode)) {
        problems.push({ kind: 'duplicate_row', severity: 'error', line: placement.row.line, istatCode: placement.row.istatCode, message: `Line ${placement.row.line}: ${code} ${name} is listed again in zone ${placement.row.zoneCode} (first on line ${first.row.line})` });
        continue;
      }
      inZone.push(placement);
      problems.push({
        kind: 'merged_rows',
        severity: 'notice',
        line: placement.row.line,
        istatCode: placement.row.istatCode,
        message: `Line ${placement.row.line}: ${placement.row.istatCode} and line ${first.row.line} (${first.row.istatCode}) are now one municipality, ${code} ${name}, in zone ${placement.row.zoneCode}: counted once`,
      });
    }
    const groups = [...byZone.entries()];
    if (groups.length === 1) {
      const [zoneCode] = groups[0]!;
      memberships.set(zoneCode, [...(memberships.get(zoneCode) ?? []), { municipalityCode: code, share: null, partNote: '' }]);
      continue;
    }
    const firstGroup = groups[0]!;
    const isSplit = groups.every(([, list]) => list.every((placement) => describesPart(placement.row)));
    if (!isSplit) {
      for (const [zoneCode, list] of groups.slice(1)) {
        const placement = list[0]!;
        const origin = list.find((p) => p.suppressed) ?? firstGroup[1].find((p) => p.suppressed);
        problems.push(
          origin
            ? {
                kind: 'successor_conflict',
                severity: 'error',
                line: placement.row.line,
                istatCode: placement.row.istatCode,
                message:
                  `Line ${placement.row.line}: ${placement.row.istatCode} would be ${code} ${name} in zone ${zoneCode}, but line ${firstGroup[1][0]!.row.line} puts ${code} in zone ${firstGroup[0]} ` +
                  `(${describeMunicipalityResolution(origin.suppressed!, 'en')}): choose one zone for ${name} in the file, or give each part a population`,
              }
            : {
                kind: 'in_two_zones',
                severity: 'error',
                line: placement.row.line,
                istatCode: placement.row.istatCode,
                message: `Line ${placement.row.line}: ${code} ${name} is in zone ${zoneCode} and also in zone ${firstGroup[0]} (line ${firstGroup[1][0]!.row.line}); a municipality divided between zones needs each part's population, share or name (columns population, share, municipality_name)`,
              },
        );
      }
      continue;
    }
    // A split municipality: its share in each zone from the parts' populations (or the shares the file gives).
    splitMunicipalityCount += 1;
    const partPopulation = (list: Placement[]) => list.reduce<number | null>((sum, p) => (sum === null || p.row.part?.population == null ? null : sum + p.row.part.population), 0);
    const partShare = (list: Placement[]) => list.reduce<number | null>((sum, p) => (sum === null || p.row.part?.share == null ? null : sum + p.row.part.share), 0);
    const populations = groups.map(([, list]) => partPopulation(list));
    const total = populations.every((p) => p !== null) ? populations.reduce<number>((s, p) => s + p!, 0) : null;
    const givenShares = groups.map(([, list]) => partShare(list));
    const shares = total !== null && total > 0 ? populations.map((p) => p! / total) : givenShares.every((s) => s !== null) ? givenShares : groups.map(() => null);
    groups.forEach(([zoneCode, list], index) => {
      const partNote = list.map((p) => p.row.part?.name ?? '').filter(Boolean).join('; ');
      memberships.set(zoneCode, [...(memberships.get(zoneCode) ?? []), { municipalityCode: code, share: shares[index] ?? null, partNote }]);
    });
    const described = groups
      .map(([zoneCode], index) => `zone ${zoneCode}${shares[index] != null ? ` ${(shares[index]! * 100).toFixed(1)}%` : ''}`)
      .join(', ');
    problems.push({
      kind: 'split_municipality',
      severity: 'notice',
      line: firstGroup[1][0]!.row.line,
      istatCode: code,
      message:
        `${code} ${name} is divided between ${groups.length} zones (${described}, lines ${placements.map((p) => p.row.line).join(', ')})` +
        (shares[0] == null ? ': the file gives no share, so its people are divided equally in the comparisons' : total !== null ? ': shares from the populations of its parts' : ': shares from the file'),
    });
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

  const partCount = (code: string) => new Set((placed.get(code) ?? []).map((p) => p.row.zoneCode)).size || 1;
  const people = (membership: ZoneMembership) => (input.known.get(membership.municipalityCode)?.population ?? 0) * (membership.share ?? 1 / partCount(membership.municipalityCode));
  const population = (list: ZoneMembership[]) => Math.round(list.reduce((sum, m) => sum + people(m), 0));
  const zoneList: ZoneToWrite[] = [...zones.entries()]
    .map(([code, zone]) => {
      const list = memberships.get(code) ?? [];
      if (!input.deriveZoneNames || list.length === 0) return { code, name: zone.name, nameIsDerived: false, memberships: list };
      // Named after its most populous municipality (ties: the name first in alphabetical order).
      const largest = [...list]
        .map((m) => input.known.get(m.municipalityCode)!)
        .sort((x, y) => y.population - x.population || x.name.localeCompare(y.name, 'it'))[0]!;
      return { code, name: `${zone.name} – ${largest.name}`, nameIsDerived: true, memberships: list };
    })
    .sort((x, y) => x.code.localeCompare(y.code, 'it', { numeric: true }));
  const allMemberships = zoneList.flatMap((zone) => zone.memberships);
  return {
    zones: zoneList,
    summary: {
      rowCount: input.rows.length + input.fileProblems.filter((p) => p.kind === 'malformed_row').length,
      municipalityCount: new Set(allMemberships.map((m) => m.municipalityCode)).size,
      population: population(allMemberships),
      regionCodes: [...regions].sort(),
      coverage: input.coverage,
      zones: zoneList.map((zone) => ({ code: zone.code, name: zone.name, municipalityCount: zone.memberships.length, population: population(zone.memberships), nameIsDerived: zone.nameIsDerived })),
      mappedCodeCount,
      splitMunicipalityCount,
      errorCount: problems.filter((p) => p.severity === 'error').length,
      problems,
    },
  };
}
