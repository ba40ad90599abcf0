import type { TAlignment, TAlignmentScores, TBreakingMunicipality, TCrosswalkRow } from '../../../common/contracts/zonings';

/**
 * The alignment of two zonings A and B over the municipalities both contain, from the contingency table
 * n_ij = weight of the municipalities in zone i of A and zone j of B (weight = population, or 1 per municipality).
 * a_i = Σ_j n_ij, b_j = Σ_i n_ij, n = Σ_ij n_ij.
 *
 * - Coincidence share: Σ_i max_j n_ij / n — the people whose B zone is the main B zone of their A zone.
 * - Adjusted Rand index (Hubert & Arabie, "Comparing partitions", J. Classification 2:193–218, 1985):
 *     index = Σ_ij C(n_ij,2), expected = Σ_i C(a_i,2) · Σ_j C(b_j,2) / C(n,2), max = ½ (Σ_i C(a_i,2) + Σ_j C(b_j,2)),
 *     ARI = (index − expected) / (max − expected); 1 when max = expected (both partitions trivial and equal).
 * - Variation of information (Meilă, "Comparing clusterings — an information based distance", J. Multivariate
 *   Analysis 98:873–895, 2007): VI = H(A|B) + H(B|A) = 2 H(A,B) − H(A) − H(B), with natural logarithms and
 *   p = n_ij / n; normalized by the joint entropy (Vinh, Epps & Bailey, JMLR 11:2837–2854, 2010):
 *     NVI = VI / H(A,B) = 1 − I(A;B) / H(A,B), in [0, 1], 0 for identical partitions; 0 when H(A,B) = 0.
 * With population weights the units are people, so every person is a point of the partition ("person by person").
 *
 * A municipality split between n zones of a side (Roma in three ASL) is one unit in each (A zone, B zone) pair it
 * falls in, with its people times the part's share (the source's, else 1/n, flagged as an estimate). Split on both
 * sides: parts with the same note pair only with each other; otherwise the shares multiply (an estimate).
 *
 * This file is the plain-TypeScript computation: the reference the SQL in zonings.repository.ts is tested
 * against, and the baseline of `npm run bench -- zonings`.
 */
export interface Assignment {
  municipalityCode: string;
  zoneKey: string;
  zoneCode: string;
  zoneName: string;
  /** A municipality split between zones (one Assignment per zone): its share of people in this one, null when unknown. */
  share?: number | null;
  /** Which part of a split municipality ('' or absent for a whole one). */
  partNote?: string;
}

export interface MunicipalityFacts {
  name: string;
  population: number;
}

/** Scores are rounded to 12 decimals, here and in SQL: identical maps score exactly 1 and 0 despite float noise. */
export const SCORE_DECIMALS = 12;
const rounded = (x: number) => Number(x.toFixed(SCORE_DECIMALS));
const pairs = (x: number) => (x * (x - 1)) / 2;
const plogp = (part: number, total: number) => (part > 0 && total > 0 ? (part / total) * Math.log(part / total) : 0);

/** ARI and NVI from the cell and marginal weights (the formulas above). */
export function partitionScores(cells: number[], rowTotals: number[], columnTotals: number[]): { ari: number; nvi: number } {
  const n = cells.reduce((s, x) => s + x, 0);
  const index = cells.reduce((s, x) => s + pairs(x), 0);
  const sumA = rowTotals.reduce((s, x) => s + pairs(x), 0);
  const sumB = columnTotals.reduce((s, x) => s + pairs(x), 0);
  const expected = n > 1 ? (sumA * sumB) / pairs(n) : 0;
  const max = (sumA + sumB) / 2;
  const ari = max - expected === 0 ? (index === max ? 1 : 0) : (index - expected) / (max - expected);
  const hJoint = -cells.reduce((s, x) => s + plogp(x, n), 0);
  const hA = -rowTotals.reduce((s, x) => s + plogp(x, n), 0);
  const hB = -columnTotals.reduce((s, x) => s + plogp(x, n), 0);
  const nvi = hJoint === 0 ? 0 : (2 * hJoint - hA - hB) / hJoint;
  return { ari: rounded(ari), nvi: rounded(Math.max(0, nvi)) };
}

interface Cell {
  aKey: string;
  bKey: string;
  count: number;
  population: number;
}

export type AlignmentFigures = Omit<TAlignment, 'a' | 'b'>;

/** The whole analysis over arrays and maps, without a database. */
export function computeAlignment(a: Assignment[], b: Assignment[], facts: Map<string, MunicipalityFacts>): AlignmentFigures {
  const group = (rows: Assignment[]) => {
    const map = new Map<string, Assignment[]>();
    for (const row of rows) map.set(row.municipalityCode, [...(map.get(row.municipalityCode) ?? []), row]);
    return map;
  };
  const aByCode = group(a);
  const bByCode = group(b);
  const weightOf = (row: Assignment, parts: number) => row.share ?? 1 / parts;
  const isKnown = (row: Assignment, parts: number) => row.share != null || parts === 1;
  const zonesA = new Map<string, Assignment>();
  const zonesB = new Map<string, Assignment>();
  const cells = new Map<string, Cell>();
  const shared: { aRow: Assignment; bRow: Assignment; population: number; partNote: string; isEstimate: boolean }[] = [];
  const splitMunicipalities: AlignmentFigures['splitMunicipalities'] = [];
  for (const [code, aRows] of aByCode) {
    const bRows = bByCode.get(code);
    if (!bRows) continue;
    const aParts = aRows.length;
    const bParts = bRows.length;
    const notesMatch = aParts > 1 && bParts > 1 && aRows.some((x) => Boolean(x.partNote) && bRows.some((y) => y.partNote === x.partNote));
    let isAnyEstimate = false;
    for (const aRow of aRows) {
      for (const bRow of bRows) {
        if (notesMatch && (aRow.partNote ?? '') !== (bRow.partNote ?? '')) continue;
        zonesA.set(aRow.zoneKey, aRow);
        zonesB.set(bRow.zoneKey, bRow);
        const whole = facts.get(code)?.population ?? 0;
        const population = whole * (notesMatch ? weightOf(aRow, aParts) : weightOf(aRow, aParts) * weightOf(bRow, bParts));
        const isEstimate = !(isKnown(aRow, aParts) && isKnown(bRow, bParts)) || (aParts > 1 && bParts > 1 && !notesMatch);
        isAnyEstimate ||= isEstimate;
        shared.push({ aRow, bRow, population, partNote: (aParts > 1 ? aRow.partNote : bRow.partNote) ?? '', isEstimate });
        const key = `${aRow.zoneKey}\u0000${bRow.zoneKey}`;
        const cell = cells.get(key) ?? { aKey: aRow.zoneKey, bKey: bRow.zoneKey, count: 0, population: 0 };
        cell.count += 1;
        cell.population += population;
        cells.set(key, cell);
      }
    }
    if (aParts > 1 || bParts > 1) {
      splitMunicipalities.push({
        istatCode: code,
        name: facts.get(code)?.name ?? code,
        side: aParts > 1 && bParts > 1 ? 'both' : aParts > 1 ? 'a' : 'b',
        partCount: Math.max(aParts, bParts),
        isShareKnown: !isAnyEstimate,
      });
    }
  }
  const byA = new Map<string, Cell[]>();
  for (const cell of cells.values()) byA.set(cell.aKey, [...(byA.get(cell.aKey) ?? []), cell]);
  // Main B zone of each A zone: most people, then most municipalities, then the smaller key (deterministic ties).
  const mainOf = new Map<string, string>();
  for (const [aKey, list] of byA) {
    const main = [...list].sort((x, y) => y.population - x.population || y.count - x.count || (x.bKey < y.bKey ? -1 : x.bKey > y.bKey ? 1 : 0))[0]!;
    mainOf.set(aKey, main.bKey);
  }
  const allCells = [...cells.values()];
  const sum = (values: number[]) => values.reduce((s, x) => s + x, 0);
  const totals = (pick: (cell: Cell) => number, side: 'aKey' | 'bKey') => {
    const map = new Map<string, number>();
    for (const cell of allCells) map.set(cell[side], (map.get(cell[side]) ?? 0) + pick(cell));
    return [...map.values()];
  };
  const nPeople = sum(allCells.map((c) => c.population));
  const nCount = sum(allCells.map((c) => c.count));
  const main = allCells.filter((c) => mainOf.get(c.aKey) === c.bKey);
  const byPeople = partitionScores(allCells.map((c) => c.population), totals((c) => c.population, 'aKey'), totals((c) => c.population, 'bKey'));
  const byCount = partitionScores(allCells.map((c) => c.count), totals((c) => c.count, 'aKey'), totals((c) => c.count, 'bKey'));
  const scores: TAlignmentScores = {
    coincidenceShare: nPeople > 0 ? rounded(sum(main.map((c) => c.population)) / nPeople) : 1,
    coincidenceShareMunicipalities: nCount > 0 ? rounded(sum(main.map((c) => c.count)) / nCount) : 1,
    adjustedRandIndex: byPeople.ari,
    adjustedRandIndexMunicipalities: byCount.ari,
    normalizedVariationOfInformation: byPeople.nvi,
    normalizedVariationOfInformationMunicipalities: byCount.nvi,
  };
  const crosswalk: TCrosswalkRow[] = [...byA.entries()]
    .map(([aKey, list]) => {
      const zone = zonesA.get(aKey)!;
      const population = sum(list.map((c) => c.population));
      const mainCell = list.find((c) => c.bKey === mainOf.get(aKey))!;
      return {
        aZoneKey: aKey,
        aZoneCode: zone.zoneCode,
        aZoneName: zone.zoneName,
        municipalityCount: sum(list.map((c) => c.count)),
        population: Math.round(population),
        mainShare: population > 0 ? mainCell.population / population : mainCell.count / sum(list.map((c) => c.count)),
        cells: [...list]
          .sort((x, y) => y.population - x.population || y.count - x.count || (x.bKey < y.bKey ? -1 : 1))
          .map((c) => ({
            bZoneKey: c.bKey,
            bZoneCode: zonesB.get(c.bKey)!.zoneCode,
            bZoneName: zonesB.get(c.bKey)!.zoneName,
            municipalityCount: c.count,
            population: Math.round(c.population),
            isMain: c.bKey === mainOf.get(aKey),
          })),
      };
    })
    .sort((x, y) => x.aZoneCode.localeCompare(y.aZoneCode, 'it', { numeric: true }));
  const breaking: TBreakingMunicipality[] = shared
    .filter(({ aRow, bRow }) => mainOf.get(aRow.zoneKey) !== bRow.zoneKey)
    .map(({ aRow, bRow, population, partNote, isEstimate }) => {
      const mainB = zonesB.get(mainOf.get(aRow.zoneKey)!)!;
      return {
        istatCode: aRow.municipalityCode,
        name: facts.get(aRow.municipalityCode)?.name ?? aRow.municipalityCode,
        population: Math.round(population),
        aZoneCode: aRow.zoneCode,
        aZoneName: aRow.zoneName,
        bZoneCode: bRow.zoneCode,
        bZoneName: bRow.zoneName,
        mainBZoneCode: mainB.zoneCode,
        mainBZoneName: mainB.zoneName,
        partNote,
        isPopulationEstimated: isEstimate,
        exactPopulation: population,
      };
    })
    .sort((x, y) => y.exactPopulation - x.exactPopulation || x.istatCode.localeCompare(y.istatCode) || x.aZoneCode.localeCompare(y.aZoneCode) || x.bZoneCode.localeCompare(y.bZoneCode))
    .map(({ exactPopulation: _exact, ...municipality }) => municipality);
  const sharedCodes = new Set(shared.map((pair) => pair.aRow.municipalityCode));
  return {
    sharedMunicipalityCount: sharedCodes.size,
    sharedPopulation: Math.round(nPeople),
    onlyInACount: aByCode.size - sharedCodes.size,
    onlyInBCount: bByCode.size - sharedCodes.size,
    scores,
    crosswalk,
    breaking,
    breakingPopulation: sum(breaking.map((m) => m.population)),
    splitMunicipalities: splitMunicipalities.sort((x, y) => x.name.localeCompare(y.name) || x.istatCode.localeCompare(y.istatCode)),
  };
}
