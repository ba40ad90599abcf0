import { z } from 'zod';
import { zInt } from './integers';
import { TEXT_FILE_ENCODINGS } from '../domain/text-files';

/** Policy domains a zoning can belong to (health districts, social-assistance areas, employment-centre areas, …). */
export const ZONING_DOMAINS = ['health', 'social_assistance', 'employment', 'education', 'other'] as const;
export const ZZoningDomain = z.enum(ZONING_DOMAINS);
export type TZoningDomain = z.infer<typeof ZZoningDomain>;

/** `partition`: every municipality of the regions is in exactly one zone; `partial`: some may be in none. */
export const ZZoningCoverage = z.enum(['partition', 'partial']);
export type TZoningCoverage = z.infer<typeof ZZoningCoverage>;

export const ZZoningFileFormat = z.enum(['csv', 'geojson']);
export type TZoningFileFormat = z.infer<typeof ZZoningFileFormat>;

/** Largest zoning file accepted (a GeoJSON of a region with boundaries is a few MB). */
export const ZONING_FILE_MAX_BYTES = 30 * 1024 * 1024;

/**
 * The real zonings loaded on the first start (data/zonings) whose comparison is the regional officer's first view:
 * do Piemonte's employment areas (A) lie each in one ASL (B)?
 */
export const REGIONAL_COMPARISON = {
  employmentZoningName: "Bacini per l'impiego del Piemonte",
  healthZoningName: "ASL d'Italia (2019)",
} as const;

export const ZZoningSummary = z.object({
  id: z.string(),
  name: z.string(),
  domain: ZZoningDomain,
  source: z.string(),
  referenceDate: z.string().nullable(),
  description: z.string(),
  coverage: ZZoningCoverage,
  regionCodes: z.array(z.string()),
  isDemo: z.boolean(),
  /** Licence of a zoning loaded from public data ('' for the ones people upload). */
  licence: z.string(),
  zoneCount: zInt(),
  municipalityCount: zInt(),
  population: zInt(),
});
export type TZoningSummary = z.infer<typeof ZZoningSummary>;

export const ZZone = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  municipalityCount: zInt(),
  population: zInt(),
  operatingOrganization: z.object({ id: z.string(), name: z.string() }).nullable(),
  version: zInt(),
  /** The name was made by Distretto (after the zone's most populous municipality), not given by the source. */
  nameIsDerived: z.boolean(),
});
export type TZone = z.infer<typeof ZZone>;

export const ZZoning = ZZoningSummary.extend({
  zones: z.array(ZZone),
  version: zInt(),
  updatedAt: z.string(),
});
export type TZoning = z.infer<typeof ZZoning>;

export const ZZoningList = z.object({ items: z.array(ZZoningSummary) });

export const ZZoningMunicipality = z.object({
  istatCode: z.string(),
  name: z.string(),
  provinceAbbreviation: z.string(),
  population: zInt().nullable(),
  zoneCode: z.string(),
  zoneName: z.string(),
  /** A municipality split between zones: its share of people in this zone (null when the source gives none). */
  share: z.number().nullable(),
  /** Which part of a split municipality this is, as the source says it (e.g. "Municipi 1, 2, 3"); '' otherwise. */
  partNote: z.string(),
  /** How many zones of this zoning the municipality is in (1 unless split). */
  partCount: zInt(),
});
export const ZZoningMunicipalityList = z.object({ items: z.array(ZZoningMunicipality) });
export type TZoningMunicipality = z.infer<typeof ZZoningMunicipality>;

/** What describes a zoning being imported (everything but the file). */
export const ZZoningMetadata = z.strictObject({
  name: z.string().trim().min(3).max(200),
  domain: ZZoningDomain,
  source: z.string().trim().max(500).default(''),
  referenceDate: z.iso.date().nullable().default(null),
  description: z.string().trim().max(5000).default(''),
  coverage: ZZoningCoverage,
  /** Regions the zoning covers (two-digit ISTAT codes); inferred from the listed municipalities when empty. */
  regionCodes: z.array(z.string().regex(/^\d{2}$/, 'two digits, e.g. 01')).max(20).default([]),
});
export type TZoningMetadataInput = z.input<typeof ZZoningMetadata>;

/** The upload: metadata, the file's text and format, and whether to only check it. */
export const ZZoningImportRequest = ZZoningMetadata.extend({
  format: ZZoningFileFormat,
  content: z.string().max(ZONING_FILE_MAX_BYTES),
  /** A CSV's bytes in base64 instead of `content`: the server detects the encoding (read-text-file.ts) and says it. */
  contentBase64: z.string().max(Math.ceil(ZONING_FILE_MAX_BYTES / 3) * 4).optional(),
  /** GeoJSON only: the feature property holding the zone code (default `zone_code`). */
  zoneProperty: z.string().trim().min(1).max(100).optional(),
  /** Name each zone "<zone name> – <its most populous municipality>", marked as a derived name (sources giving codes only). */
  deriveZoneNames: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});
export type TZoningImportRequest = z.input<typeof ZZoningImportRequest>;

export const ZZoningProblemKind = z.enum([
  'empty_file',
  'wrong_delimiter',
  'missing_column',
  'malformed_file',
  'malformed_row',
  'unknown_code',
  'duplicate_row',
  'in_two_zones',
  'zone_name_conflict',
  'outside_regions',
  'gap',
  /** A suppressed municipality code read as its successor (a notice). */
  'successor_code',
  /** Two suppressed codes whose successor is the same municipality, in the same zone: one membership (a notice). */
  'merged_rows',
  /** A suppressed code whose successor would land in two different zones: to be resolved in the file (an error). */
  'successor_conflict',
  /** A code that ceased without a successor Distretto can derive: the row is left out (a notice, never silent). */
  'ceased_code',
  /** A municipality divided between zones, with the share or the part the file gives (a notice). */
  'split_municipality',
]);
export type TZoningProblemKind = z.infer<typeof ZZoningProblemKind>;

export const ZZoningProblem = z.object({
  kind: ZZoningProblemKind,
  /** `error` refuses the import; `notice` is reported and accepted (e.g. gaps of a partial cover). */
  severity: z.enum(['error', 'notice']),
  /** 1-based line of the CSV (header = 1) or 1-based feature number of the GeoJSON. */
  line: zInt().nullable(),
  istatCode: z.string().nullable(),
  message: z.string(),
});
export type TZoningProblem = z.infer<typeof ZZoningProblem>;

export const ZZoningImportReport = z.object({
  dryRun: z.boolean(),
  /** How the uploaded bytes were read (only for `contentBase64`). */
  encoding: z.enum(TEXT_FILE_ENCODINGS).optional(),
  /** True when the zoning was written (never on a dry run or with errors). */
  isWritten: z.boolean(),
  zoningId: z.string().nullable(),
  rowCount: zInt(),
  municipalityCount: zInt(),
  population: zInt(),
  regionCodes: z.array(z.string()),
  coverage: ZZoningCoverage,
  zones: z.array(z.object({ code: z.string(), name: z.string(), municipalityCount: zInt(), population: zInt(), nameIsDerived: z.boolean().default(false) })),
  /** Rows whose code was suppressed and read as its successor. */
  mappedCodeCount: zInt().default(0),
  /** Municipalities divided between several zones. */
  splitMunicipalityCount: zInt().default(0),
  errorCount: zInt(),
  problems: z.array(ZZoningProblem),
});
export type TZoningImportReport = z.infer<typeof ZZoningImportReport>;

export const ZZoneUpdate = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  operatingOrganizationId: z.uuid().nullable().optional(),
  version: zInt().min(1),
});
export type TZoneUpdate = z.infer<typeof ZZoneUpdate>;

/** One side of a comparison: a zoning, or the map of all districts. */
export const ZAlignmentSide = z.union([
  z.object({ kind: z.literal('zoning'), id: z.string(), name: z.string() }),
  z.object({ kind: z.literal('districts'), id: z.null(), name: z.string() }),
]);

export const ZAlignmentScores = z.object({
  /** Share of people (of municipalities) whose B zone is the main B zone of their A zone; 1 = A nests in B. */
  coincidenceShare: z.number(),
  coincidenceShareMunicipalities: z.number(),
  /** Adjusted Rand index, persons as units (1 identical, ~0 independent, may be negative). */
  adjustedRandIndex: z.number(),
  adjustedRandIndexMunicipalities: z.number(),
  /** Variation of information over joint entropy (0 identical, 1 nothing shared). */
  normalizedVariationOfInformation: z.number(),
  normalizedVariationOfInformationMunicipalities: z.number(),
});
export type TAlignmentScores = z.infer<typeof ZAlignmentScores>;

export const ZCrosswalkCell = z.object({
  bZoneKey: z.string(),
  bZoneCode: z.string(),
  bZoneName: z.string(),
  municipalityCount: zInt(),
  population: zInt(),
  isMain: z.boolean(),
});

export const ZCrosswalkRow = z.object({
  aZoneKey: z.string(),
  aZoneCode: z.string(),
  aZoneName: z.string(),
  municipalityCount: zInt(),
  population: zInt(),
  /** Share of the A zone's population in its main B zone. */
  mainShare: z.number(),
  cells: z.array(ZCrosswalkCell),
});
export type TCrosswalkRow = z.infer<typeof ZCrosswalkRow>;

export const ZBreakingMunicipality = z.object({
  istatCode: z.string(),
  name: z.string(),
  population: zInt(),
  aZoneCode: z.string(),
  aZoneName: z.string(),
  bZoneCode: z.string(),
  bZoneName: z.string(),
  mainBZoneCode: z.string(),
  mainBZoneName: z.string(),
  /** For a part of a split municipality: which part ('' for a whole municipality). */
  partNote: z.string(),
  /** True when the population of this part is an estimate (a split whose share the source does not give). */
  isPopulationEstimated: z.boolean(),
});
export type TBreakingMunicipality = z.infer<typeof ZBreakingMunicipality>;

export const ZAlignment = z.object({
  a: ZAlignmentSide,
  b: ZAlignmentSide,
  /** Municipalities in both maps (the scores are computed on these) and in only one. */
  sharedMunicipalityCount: zInt(),
  sharedPopulation: zInt(),
  onlyInACount: zInt(),
  onlyInBCount: zInt(),
  scores: ZAlignmentScores,
  crosswalk: z.array(ZCrosswalkRow),
  breaking: z.array(ZBreakingMunicipality),
  breakingPopulation: zInt(),
  /**
   * Shared municipalities split between zones of A or B: counted in each zone they belong to, their people divided
   * by the shares the source gives; `isShareKnown` false means equal parts were assumed (said so on the page).
   */
  splitMunicipalities: z.array(
    z.object({ istatCode: z.string(), name: z.string(), side: z.enum(['a', 'b', 'both']), partCount: zInt(), isShareKnown: z.boolean() }),
  ),
});
export type TAlignment = z.infer<typeof ZAlignment>;

export const ZAlignmentQuery = z.strictObject({
  a: z.uuid(),
  /** A zoning id, or `districts` for the map of all districts. */
  b: z.union([z.uuid(), z.literal('districts')]),
});
export type TAlignmentQuery = z.infer<typeof ZAlignmentQuery>;
