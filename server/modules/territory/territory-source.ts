/**
 * The territory's public sources, parsed and reconciled without touching the database:
 * - ISTAT's current list of municipalities (`comuni-2026.csv`, 14 Aug 2026): the municipalities, their names,
 *   provinces, regions, cadastral and fiscal codes;
 * - ANPR's history of codes (`anpr-archivio-comuni.csv`): what became of every code no longer current;
 * - the Openpolis 2023.1 boundaries (`comuni_regione_NN.topo.json`: one TopoJSON per region);
 * - the ISTAT list of 1 Jan 2020 (`comuni.csv`): the resident population at the 2011 census.
 * The boundaries are older than the list; `buildTerritory` says what it did with each difference, never dropping one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import polylabel from 'polylabel';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { TReconciliationFacts, TReconciliationItem } from '../../../common/contracts/territory';
import { foldForSearch } from '../../../common/domain/text';
import { CURRENT_LIST_FILE, parseCurrentMunicipalityList, type CurrentListMunicipality } from './current-list';
import {
  deriveMunicipalityCodeVariations,
  parseAnprCodeHistory,
  type AnprCodePeriod,
  type MunicipalityCodeVariation,
} from './municipality-code-history';

/** The product's own copy of the sources (see data/README.md); never ../shared. */
export const TERRITORY_DATA_DIR = fileURLToPath(new URL('../../../data/territory/', import.meta.url));
const LIST_FILE = 'comuni.csv';
const HISTORY_FILE = 'anpr-archivio-comuni.csv';
const BOUNDARY_FILE = /^comuni_regione_(\d{2})\.topo\.json$/;
/** 5 decimals of a degree is about 1 m: finer than the simplified boundaries, and a third smaller as JSON. */
const COORDINATE_DECIMALS = 5;
/** Precision of the representative point, in (longitude-corrected) degrees: about 1 m. */
const POINT_PRECISION = 0.00001;

export type Bbox = [west: number, south: number, east: number, north: number];
export type BoundaryGeometry = GeoJSON.Polygon | GeoJSON.MultiPolygon;

/** One row of the 2020 ISTAT list. */
export interface ListMunicipality {
  istatCode: string;
  name: string;
  cadastralCode: string;
  provinceCode: string;
  provinceName: string;
  provinceAbbreviation: string;
  regionCode: string;
  regionName: string;
  population: number;
}

/** One municipality of the 2023 boundaries: its properties and its (quantized) geometry, null when empty. */
export interface BoundaryMunicipality {
  istatCode: string;
  name: string;
  cadastralCode: string | null;
  provinceCode: string;
  provinceName: string;
  provinceAbbreviation: string;
  regionCode: string;
  regionName: string;
  geometry: BoundaryGeometry | null;
  /** Its place in the region's topology, for a topology merge with its neighbours. */
  topology: MunicipalityTopology;
  topologyObject: MunicipalityTopology['objects']['comuni']['geometries'][number];
}

export interface RegionRecord {
  code: string;
  name: string;
  bbox: Bbox | null;
}

export interface ProvinceRecord {
  code: string;
  name: string;
  abbreviation: string;
  regionCode: string;
  bbox: Bbox | null;
}

export interface MunicipalityRecord {
  istatCode: string;
  name: string;
  nameFolded: string;
  cadastralCode: string | null;
  provinceCode: string;
  regionCode: string;
  population: number | null;
  point: { lat: number; lng: number } | null;
  bbox: Bbox | null;
  boundary: BoundaryGeometry | null;
  reconciliationNote: string | null;
  /** From ISTAT's current list; null for a code it does not hold. */
  fiscalCode: string | null;
}

/** Everything the import writes, in parent-before-child order. */
export interface TerritoryData {
  regions: RegionRecord[];
  provinces: ProvinceRecord[];
  municipalities: MunicipalityRecord[];
  reconciliation: TReconciliationItem[];
  /** Every code no longer current (the whole country's history, whatever regions are loaded). */
  codeVariations: MunicipalityCodeVariation[];
}

export interface TerritorySources {
  list: ListMunicipality[];
  boundaries: BoundaryMunicipality[];
  /** ISTAT's current list (14 Aug 2026). */
  current: CurrentListMunicipality[];
  /** ANPR's history of codes. */
  history: AnprCodePeriod[];
}

const LIST_COLUMNS = [
  'codice_istat',
  'nome',
  'codice_catastale',
  'sigla_provincia',
  'codice_provincia',
  'provincia',
  'codice_regione',
  'regione',
  'popolazione_2011',
] as const;
type ListCsvRow = Record<(typeof LIST_COLUMNS)[number], string>;

/** Parses the ISTAT list; a missing column or a malformed code stops the import naming the line. */
export function parseMunicipalityList(csvText: string): ListMunicipality[] {
  const rows = parse(csvText, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as ListCsvRow[];
  const first = rows[0];
  const missing = first ? LIST_COLUMNS.filter((column) => !(column in first)) : LIST_COLUMNS;
  if (missing.length > 0) throw new Error(`${LIST_FILE}: missing column(s) ${missing.join(', ')}`);
  return rows.map((row, index) => {
    const population = Number(row.popolazione_2011);
    if (!/^\d{6}$/.test(row.codice_istat) || !/^\d{3}$/.test(row.codice_provincia) || !/^\d{2}$/.test(row.codice_regione)) {
      throw new Error(`${LIST_FILE} line ${index + 2}: malformed ISTAT code ${row.codice_istat}`);
    }
    if (!Number.isInteger(population) || population < 0) {
      throw new Error(`${LIST_FILE} line ${index + 2}: malformed population ${row.popolazione_2011}`);
    }
    return {
      istatCode: row.codice_istat,
      name: row.nome,
      cadastralCode: row.codice_catastale,
      provinceCode: row.codice_provincia,
      provinceName: row.provincia,
      provinceAbbreviation: row.sigla_provincia,
      regionCode: row.codice_regione,
      regionName: row.regione,
      population,
    };
  });
}

interface OpenpolisProperties {
  com_istat_code: string;
  name: string;
  com_catasto_code?: string;
  prov_istat_code: string;
  prov_name: string;
  prov_acr: string;
  reg_istat_code: string;
  reg_name: string;
}
type MunicipalityTopology = Topology<{ comuni: GeometryCollection<OpenpolisProperties> }>;

/** Converts one region's TopoJSON to municipalities with GeoJSON geometry rounded to 5 decimals. */
export function parseBoundaries(topology: MunicipalityTopology): BoundaryMunicipality[] {
  const collection = feature(topology, topology.objects.comuni);
  const objects = topology.objects.comuni.geometries;
  return collection.features.map((item, index) => {
    const properties = item.properties;
    const geometry = item.geometry;
    if (geometry !== null && geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      throw new Error(`Boundary of ${properties.com_istat_code} is a ${geometry.type}, expected a polygon`);
    }
    // Openpolis writes "N.d." (non disponibile) for a cadastral code not yet assigned.
    const cadastral = properties.com_catasto_code;
    return {
      istatCode: properties.com_istat_code,
      name: properties.name,
      cadastralCode: cadastral && /^[A-Z]\d{3}$/.test(cadastral) ? cadastral : null,
      provinceCode: properties.prov_istat_code,
      provinceName: properties.prov_name,
      provinceAbbreviation: properties.prov_acr,
      regionCode: properties.reg_istat_code,
      regionName: properties.reg_name,
      geometry: geometry === null ? null : quantizeGeometry(geometry),
      topology,
      topologyObject: objects[index]!,
    };
  });
}

/** Reads the product's copy of both sources (all regions: the reconciliation needs the whole country). */
export function readTerritorySources(dataDir: string = TERRITORY_DATA_DIR): TerritorySources {
  const list = parseMunicipalityList(readFileSync(join(dataDir, LIST_FILE), 'utf8'));
  const boundaryFiles = readdirSync(dataDir).filter((name) => BOUNDARY_FILE.test(name)).sort();
  if (boundaryFiles.length === 0) throw new Error(`No comuni_regione_NN.topo.json files in ${dataDir}`);
  const boundaries = boundaryFiles.flatMap((name) =>
    parseBoundaries(JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as MunicipalityTopology),
  );
  const current = parseCurrentMunicipalityList(readFileSync(join(dataDir, CURRENT_LIST_FILE), 'utf8'));
  const history = parseAnprCodeHistory(readFileSync(join(dataDir, HISTORY_FILE), 'utf8'), HISTORY_FILE);
  return { list, boundaries, current, history };
}

const round = (value: number): number => Number(value.toFixed(COORDINATE_DECIMALS));

function quantizeRing(ring: GeoJSON.Position[]): GeoJSON.Position[] {
  const out: GeoJSON.Position[] = [];
  for (const position of ring) {
    const next = [round(position[0]!), round(position[1]!)];
    const last = out.at(-1);
    // Rounding can make neighbours equal; repeated vertices are noise in the output.
    if (!last || last[0] !== next[0] || last[1] !== next[1]) out.push(next);
  }
  return out;
}

/** Rounds coordinates to 5 decimals, dropping rings that collapse (fewer than 4 positions) in the process. */
export function quantizeGeometry(geometry: BoundaryGeometry): BoundaryGeometry | null {
  const quantizePolygon = (rings: GeoJSON.Position[][]): GeoJSON.Position[][] | null => {
    const kept = rings.map(quantizeRing);
    if (kept[0] === undefined || kept[0].length < 4) return null;
    return kept.filter((ring) => ring.length >= 4);
  };
  if (geometry.type === 'Polygon') {
    const coordinates = quantizePolygon(geometry.coordinates);
    return coordinates ? { type: 'Polygon', coordinates } : null;
  }
  const polygons = geometry.coordinates.map(quantizePolygon).filter((p): p is GeoJSON.Position[][] => p !== null);
  return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

function polygonsOf(geometry: BoundaryGeometry): GeoJSON.Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** [west, south, east, north] of a geometry. */
export function bboxOf(geometry: BoundaryGeometry): Bbox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const [lng, lat] of polygon[0]!) {
      west = Math.min(west, lng!);
      east = Math.max(east, lng!);
      south = Math.min(south, lat!);
      north = Math.max(north, lat!);
    }
  }
  return [west, south, east, north];
}

/** The union of bounding boxes, or null when there are none. */
export function unionBbox(boxes: (Bbox | null)[]): Bbox | null {
  let union: Bbox | null = null;
  for (const box of boxes) {
    if (!box) continue;
    union = union
      ? [Math.min(union[0], box[0]), Math.min(union[1], box[1]), Math.max(union[2], box[2]), Math.max(union[3], box[3])]
      : [...box];
  }
  return union;
}

/** Planar area of a polygon (outer ring minus holes), in squared degrees: enough to compare polygons. */
function polygonArea(polygon: GeoJSON.Position[][]): number {
  const ringArea = (ring: GeoJSON.Position[]): number => {
    let sum = 0;
    for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
    return Math.abs(sum) / 2;
  };
  return polygon.reduce((area, ring, index) => area + (index === 0 ? ringArea(ring) : -ringArea(ring)), 0);
}

/**
 * A point guaranteed inside the municipality, for markers and distances: the pole of inaccessibility of its
 * largest polygon (a centroid can fall outside a crescent-shaped municipality or in the sea). Longitudes are
 * scaled by cos(latitude) first so "most distant from the edge" is measured in near-metric units, not degrees.
 */
export function representativePoint(geometry: BoundaryGeometry): { lat: number; lng: number } {
  const largest = polygonsOf(geometry).reduce((best, polygon) => (polygonArea(polygon) > polygonArea(best) ? polygon : best));
  const [, south, , north] = bboxOf({ type: 'Polygon', coordinates: largest });
  const scale = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const projected = largest.map((ring) => ring.map(([lng, lat]) => [lng! * scale, lat!] as [number, number]));
  const [x, y] = polylabel(projected, POINT_PRECISION);
  return { lat: round(y), lng: round(x / scale) };
}

function reconciliationItem(
  municipality: { istatCode: string; name: string },
  presentIn: TReconciliationItem['presentIn'],
  treatment: string,
  facts: TReconciliationFacts = {},
): TReconciliationItem {
  return { istatCode: municipality.istatCode, name: municipality.name, presentIn, treatment, facts };
}

const describeDate = (isoDate: string | null): string => (isoDate === null ? 'on a date the sources do not give' : `on ${isoDate}`);
const codeAndName = (row: { istatCode: string; name: string }): string => `${row.istatCode} ${row.name}`;

/**
 * The union of some municipalities' boundaries: a topology merge (shared arcs dissolve) when they are all in one
 * region's topology, as mergers are; a MultiPolygon of their polygons otherwise.
 */
export function mergeBoundaries(parts: BoundaryMunicipality[]): BoundaryGeometry | null {
  const withGeometry = parts.filter((part) => part.geometry !== null);
  if (withGeometry.length === 0) return null;
  if (withGeometry.length === 1) return withGeometry[0]!.geometry;
  const topology = withGeometry[0]!.topology;
  if (withGeometry.every((part) => part.topology === topology)) {
    const merged = merge(topology, withGeometry.map((part) => part.topologyObject) as Parameters<typeof merge>[1]);
    return quantizeGeometry(merged);
  }
  return { type: 'MultiPolygon', coordinates: withGeometry.flatMap((part) => polygonsOf(part.geometry!)) };
}

/**
 * Builds the territory of ISTAT's current list, and explains every difference with the other sources:
 * - a current code the 2023 boundaries hold: its boundary;
 * - a current code they do not hold, whose predecessors (by ISTAT's variations) they do: recoded (the same
 *   municipality under a new code, e.g. Sardinia in 2026) takes its former code's boundary; merged (born of a
 *   merger after the boundaries' edition) takes the union of its predecessors' boundaries, its point and bbox
 *   recomputed;
 * - a current code with neither: kept without boundary or point;
 * - a 2023 code no longer current: not a municipality any more; its boundary went to its successor, or is left
 *   unused when the successor cannot be derived (an incorporation: the incorporating municipality keeps its 2023
 *   boundary);
 * - in both but with an empty geometry: kept without boundary or point.
 * Population: the 2011 census of the 2020 list for a code it holds, otherwise the sum over the predecessors it
 * holds (a merged municipality), otherwise unknown. Names, provinces and regions come from the current list.
 * `regions` limits the result to some ISTAT region codes; the reconciliation is still worked out on the whole
 * country so a municipality's note is the same whichever regions are loaded.
 */
export function buildTerritory(
  sources: TerritorySources,
  options: { regions?: string[]; onProgress?: (done: number, total: number) => void } = {},
): TerritoryData {
  const codeVariations = deriveMunicipalityCodeVariations(sources.history, sources.current, knownNames(sources));
  const populationByCode = new Map(sources.list.map((row) => [row.istatCode, row.population]));
  const currentByCode = new Map(sources.current.map((row) => [row.istatCode, row]));
  const boundaryByCode = new Map(sources.boundaries.map((row) => [row.istatCode, row]));
  const variationByCode = new Map(codeVariations.map((variation) => [variation.suppressedCode, variation]));
  const predecessorsOf = new Map<string, MunicipalityCodeVariation[]>();
  for (const variation of codeVariations) {
    if (variation.successorCode === null) continue;
    const list = predecessorsOf.get(variation.successorCode) ?? [];
    list.push(variation);
    predecessorsOf.set(variation.successorCode, list);
  }

  const notes = new Map<string, TReconciliationItem>();
  const shapes = new Map<string, { geometry: BoundaryGeometry | null; population: number | null }>();
  for (const row of sources.current) {
    const predecessors = predecessorsOf.get(row.istatCode) ?? [];
    const predecessorsInList = predecessors.filter((variation) => populationByCode.has(variation.suppressedCode));
    const population =
      populationByCode.get(row.istatCode) ??
      (predecessorsInList.length > 0 ? predecessorsInList.reduce((total, variation) => total + populationByCode.get(variation.suppressedCode)!, 0) : null);
    const boundary = boundaryByCode.get(row.istatCode);
    if (boundary) {
      shapes.set(row.istatCode, { geometry: boundary.geometry, population });
      if (boundary.geometry === null) {
        notes.set(row.istatCode, reconciliationItem(row, 'both_without_geometry', 'Kept without boundary or point: the 2023 boundaries list it with an empty geometry.'));
      }
      continue;
    }
    const shaped = predecessors.filter((variation) => boundaryByCode.get(variation.suppressedCode)?.geometry);
    const geometry = mergeBoundaries(shaped.map((variation) => boundaryByCode.get(variation.suppressedCode)!));
    shapes.set(row.istatCode, { geometry, population });
    const populationFacts: TReconciliationFacts = populationByCode.has(row.istatCode)
      ? {}
      : predecessorsInList.length > 0
        ? { populationFrom: predecessorsInList.map((variation) => variation.suppressedCode) }
        : { isPopulationUnknown: true };
    const populationNote =
      populationByCode.has(row.istatCode) || predecessorsInList.length === 0
        ? population === null
          ? ' Population unknown: neither it nor a predecessor is in the 2020 list.'
          : ''
        : predecessorsInList.length === 1
          ? ` Population: the 2011 census of ${predecessorsInList[0]!.suppressedCode}.`
          : ` Population: the sum of its predecessors' 2011 census (${predecessorsInList.map((v) => v.suppressedCode).join(' + ')}).`;
    if (geometry === null) {
      const treatment =
        `Kept without boundary or point: not in the 2023 boundaries, and no predecessor of it is there ` +
        `(the variations derivable from ANPR's history of codes name none).${populationNote}`;
      notes.set(row.istatCode, reconciliationItem(row, 'list_only', treatment, populationFacts));
    } else if (shaped.length === 1 && shaped[0]!.reason === 'recoded') {
      const former = shaped[0]!;
      const treatment =
        `The same municipality under a new code: recoded from ${former.suppressedCode} ${describeDate(former.ceasedOn)}; ` +
        `boundary of ${former.suppressedCode} in the 2023 boundaries.${populationNote}`;
      notes.set(row.istatCode, reconciliationItem(row, 'recoded', treatment, { formerCode: former.suppressedCode, on: former.ceasedOn, ...populationFacts }));
    } else {
      const treatment =
        `Born of a merger after the 2023 boundaries: its boundary is the union of its predecessors' ` +
        `(${shaped.map((v) => codeAndName({ istatCode: v.suppressedCode, name: v.suppressedName })).join(', ')}, merged ${describeDate(shaped[0]!.ceasedOn)}), ` +
        `its point and bbox computed on it.${populationNote}`;
      const predecessorsFacts = shaped.map((v) => ({ code: v.suppressedCode, name: v.suppressedName }));
      notes.set(row.istatCode, reconciliationItem(row, 'merged', treatment, { predecessors: predecessorsFacts, on: shaped[0]!.ceasedOn, ...populationFacts }));
    }
  }
  // 2023 codes that are no longer current. Recoded ones are told once, on the current code.
  const retiredBoundaries: { regionCode: string; item: TReconciliationItem }[] = [];
  for (const row of sources.boundaries) {
    if (currentByCode.has(row.istatCode)) continue;
    const variation = variationByCode.get(row.istatCode);
    if (variation?.reason === 'recoded') continue;
    const name = variation?.suppressedName ?? row.name;
    const treatment =
      variation === undefined
        ? 'Not a municipality of the current list, and absent from ANPR\'s history of codes: its boundary is not used.'
        : variation.successorCode === null
          ? `Ceased ${describeDate(variation.ceasedOn)}; the municipality that took its territory cannot be derived from ` +
            `ANPR's history (an incorporation into an existing municipality, or several born that day): its boundary is ` +
            `not used, and the incorporating municipality keeps its 2023 boundary.`
          : `Merged into ${variation.successorCode} ${variation.successorName} ${describeDate(variation.ceasedOn)}: its boundary is part of ${variation.successorCode}'s.`;
    const facts: TReconciliationFacts =
      variation === undefined
        ? { isUnknownToHistory: true }
        : { on: variation.ceasedOn, successor: variation.successorCode === null ? null : { code: variation.successorCode, name: variation.successorName ?? '' } };
    retiredBoundaries.push({ regionCode: row.regionCode, item: reconciliationItem({ istatCode: row.istatCode, name }, 'boundaries_only', treatment, facts) });
  }

  const wanted = options.regions ? new Set(options.regions) : null;
  const inScope = (regionCode: string) => wanted === null || wanted.has(regionCode);
  const regions = new Map<string, RegionRecord>();
  const provinces = new Map<string, ProvinceRecord>();
  const municipalities: MunicipalityRecord[] = [];
  const listed = sources.current.filter((row) => inScope(row.regionCode));
  for (const row of listed) {
    if (!regions.has(row.regionCode)) regions.set(row.regionCode, { code: row.regionCode, name: row.regionName, bbox: null });
    if (!provinces.has(row.historicProvinceCode)) {
      provinces.set(row.historicProvinceCode, {
        code: row.historicProvinceCode,
        name: row.unitName,
        abbreviation: row.provinceAbbreviation,
        regionCode: row.regionCode,
        bbox: null,
      });
    }
  }
  const total = listed.length;
  for (const row of listed) {
    const { geometry, population } = shapes.get(row.istatCode)!;
    municipalities.push({
      istatCode: row.istatCode,
      name: row.name,
      nameFolded: foldForSearch(row.name),
      cadastralCode: row.cadastralCode,
      provinceCode: row.historicProvinceCode,
      regionCode: row.regionCode,
      population,
      point: geometry ? representativePoint(geometry) : null,
      bbox: geometry ? bboxOf(geometry) : null,
      boundary: geometry,
      reconciliationNote: notes.get(row.istatCode)?.treatment ?? null,
      fiscalCode: row.fiscalCode,
    });
    if (municipalities.length % 250 === 0) options.onProgress?.(municipalities.length, total);
  }
  options.onProgress?.(total, total);

  for (const province of provinces.values()) {
    province.bbox = unionBbox(municipalities.filter((m) => m.provinceCode === province.code).map((m) => m.bbox));
  }
  for (const region of regions.values()) {
    region.bbox = unionBbox([...provinces.values()].filter((p) => p.regionCode === region.code).map((p) => p.bbox));
  }
  const reconciliation = [
    ...[...notes.values()].filter((item) => inScope(currentByCode.get(item.istatCode)!.regionCode)),
    ...retiredBoundaries.filter((retired) => inScope(retired.regionCode)).map((retired) => retired.item),
  ].sort((a, b) => a.istatCode.localeCompare(b.istatCode) || a.presentIn.localeCompare(b.presentIn));
  return {
    regions: [...regions.values()].sort((a, b) => a.code.localeCompare(b.code)),
    provinces: [...provinces.values()].sort((a, b) => a.code.localeCompare(b.code)),
    municipalities: municipalities.sort((a, b) => a.istatCode.localeCompare(b.istatCode)),
    reconciliation,
    codeVariations,
  };
}

/** Names as our lists spell them (ANPR writes upper case): the 2020 list, then the 2023 boundaries' properties. */
function knownNames(sources: TerritorySources): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of sources.boundaries) names.set(row.istatCode, row.name);
  for (const row of sources.list) names.set(row.istatCode, row.name);
  return names;
}
