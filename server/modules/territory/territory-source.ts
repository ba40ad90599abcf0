/**
 * The territory's two public sources, parsed and reconciled without touching the database:
 * - the ISTAT list of municipalities on 1 Jan 2020 (`comuni.csv`: codes, names, provinces, 2011 population);
 * - the Openpolis 2023.1 boundaries (`comuni_regione_NN.topo.json`: one TopoJSON per region).
 * The two disagree on a handful of municipalities; `buildTerritory` says what it did with each, never dropping one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import polylabel from 'polylabel';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { TReconciliationItem } from '../../../common/contracts/territory';
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
  return collection.features.map((item) => {
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
): TReconciliationItem {
  return { istatCode: municipality.istatCode, name: municipality.name, presentIn, treatment };
}

/**
 * Joins the 2020 list and the 2023 boundaries on the ISTAT code and explains every disagreement:
 * - in the list only: kept (population, province) without boundary or point;
 * - in the boundaries only: created from the boundary's properties, population unknown;
 * - in both but with an empty geometry: kept without boundary or point.
 * A list-only and a boundaries-only municipality with the same name and cadastral code are the same municipality
 * that changed province (and code) after 2020: the notes say so, pointing at each other. Nothing else is guessed.
 * Names, provinces and population come from the list (the boundaries' names carry some encoding damage).
 * `regions` limits the result to some ISTAT region codes; the reconciliation is still worked out on the whole
 * country so a municipality's note is the same whichever regions are loaded.
 */
export function buildTerritory(
  sources: TerritorySources,
  options: { regions?: string[]; onProgress?: (done: number, total: number) => void } = {},
): TerritoryData {
  const listByCode = new Map(sources.list.map((row) => [row.istatCode, row]));
  const currentByCode = new Map(sources.current.map((row) => [row.istatCode, row]));
  const boundaryByCode = new Map(sources.boundaries.map((row) => [row.istatCode, row]));
  const listOnly = sources.list.filter((row) => !boundaryByCode.has(row.istatCode));
  const boundariesOnly = sources.boundaries.filter((row) => !listByCode.has(row.istatCode));
  const sameMunicipality = (a: { name: string; cadastralCode: string | null }, b: { name: string; cadastralCode: string | null }) =>
    a.cadastralCode !== null && a.cadastralCode === b.cadastralCode && foldForSearch(a.name) === foldForSearch(b.name);

  const notes = new Map<string, TReconciliationItem>();
  for (const row of listOnly) {
    const successor = boundariesOnly.find((candidate) => sameMunicipality(row, candidate));
    const treatment = successor
      ? `Kept from the 2020 list without boundary or point: code ${row.istatCode} is absent from the 2023 boundaries, ` +
        `where the same municipality (same name and cadastral code ${row.cadastralCode}) has code ${successor.istatCode} ` +
        `in the province of ${successor.provinceName} (${successor.regionName}): it changed province after 2020.`
      : `Kept from the 2020 list without boundary or point: absent from the 2023 boundaries (merged into another ` +
        `municipality after 2020; no 2023 municipality has its name or its cadastral code ${row.cadastralCode}, ` +
        `so which one is not identified here).`;
    notes.set(row.istatCode, reconciliationItem(row, 'list_only', treatment));
  }
  for (const row of boundariesOnly) {
    const predecessor = listOnly.find((candidate) => sameMunicipality(candidate, row));
    const origin = predecessor
      ? `Same name and cadastral code ${row.cadastralCode} as ${predecessor.istatCode} in the 2020 list ` +
        `(province of ${predecessor.provinceName}, ${predecessor.regionName}): the same municipality, which moved to ` +
        `this province after 2020; its 2011 population stays on ${predecessor.istatCode} so totals are not counted twice.`
      : `Not in the 2020 list: created after it.`;
    const taken = row.cadastralCode === null ? 'name, province, region; they give no cadastral code' : 'name, province, region, cadastral code';
    const treatment = `Created from the 2023 boundaries (${taken}), population unknown. ${origin}`;
    notes.set(row.istatCode, reconciliationItem(row, 'boundaries_only', treatment));
  }
  for (const row of sources.boundaries) {
    const listed = listByCode.get(row.istatCode);
    if (row.geometry === null && listed) {
      const treatment = 'Kept from the 2020 list without boundary or point: the 2023 boundaries list it with an empty geometry.';
      notes.set(row.istatCode, reconciliationItem(listed, 'both_without_geometry', treatment));
    }
  }

  const wanted = options.regions ? new Set(options.regions) : null;
  const inScope = (regionCode: string) => wanted === null || wanted.has(regionCode);
  const regions = new Map<string, RegionRecord>();
  const provinces = new Map<string, ProvinceRecord>();
  const municipalities: MunicipalityRecord[] = [];
  const addParents = (row: ListMunicipality | BoundaryMunicipality) => {
    if (!regions.has(row.regionCode)) regions.set(row.regionCode, { code: row.regionCode, name: row.regionName, bbox: null });
    if (!provinces.has(row.provinceCode)) {
      provinces.set(row.provinceCode, {
        code: row.provinceCode,
        name: row.provinceName,
        abbreviation: row.provinceAbbreviation,
        regionCode: row.regionCode,
        bbox: null,
      });
    }
  };
  const addMunicipality = (row: ListMunicipality | BoundaryMunicipality, population: number | null) => {
    const geometry = boundaryByCode.get(row.istatCode)?.geometry ?? null;
    municipalities.push({
      istatCode: row.istatCode,
      name: row.name,
      nameFolded: foldForSearch(row.name),
      cadastralCode: row.cadastralCode,
      provinceCode: row.provinceCode,
      regionCode: row.regionCode,
      population,
      point: geometry ? representativePoint(geometry) : null,
      bbox: geometry ? bboxOf(geometry) : null,
      boundary: geometry,
      reconciliationNote: notes.get(row.istatCode)?.treatment ?? null,
      fiscalCode: currentByCode.get(row.istatCode)?.fiscalCode ?? null,
    });
  };
  // The list's names come first so a province or region is named as in the list even if a boundary says otherwise.
  for (const row of sources.list) if (inScope(row.regionCode)) addParents(row);
  for (const row of boundariesOnly) if (inScope(row.regionCode)) addParents(row);
  const listed = sources.list.filter((row) => inScope(row.regionCode));
  const created = boundariesOnly.filter((row) => inScope(row.regionCode));
  const total = listed.length + created.length;
  for (const row of listed) {
    addMunicipality(row, row.population);
    if (municipalities.length % 250 === 0) options.onProgress?.(municipalities.length, total);
  }
  for (const row of created) addMunicipality(row, null);
  options.onProgress?.(total, total);

  for (const province of provinces.values()) {
    province.bbox = unionBbox(municipalities.filter((m) => m.provinceCode === province.code).map((m) => m.bbox));
  }
  for (const region of regions.values()) {
    region.bbox = unionBbox([...provinces.values()].filter((p) => p.regionCode === region.code).map((p) => p.bbox));
  }
  const reconciliation = [...notes.values()]
    .filter((item) => municipalities.some((m) => m.istatCode === item.istatCode))
    .sort((a, b) => a.istatCode.localeCompare(b.istatCode));
  return {
    regions: [...regions.values()].sort((a, b) => a.code.localeCompare(b.code)),
    provinces: [...provinces.values()].sort((a, b) => a.code.localeCompare(b.code)),
    municipalities: municipalities.sort((a, b) => a.istatCode.localeCompare(b.istatCode)),
    reconciliation,
    codeVariations: deriveMunicipalityCodeVariations(sources.history, sources.current, knownNames(sources)),
  };
}

/** Names as our lists spell them (ANPR writes upper case): the 2020 list, then the 2023 boundaries' properties. */
function knownNames(sources: TerritorySources): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of sources.boundaries) names.set(row.istatCode, row.name);
  for (const row of sources.list) names.set(row.istatCode, row.name);
  return names;
}
