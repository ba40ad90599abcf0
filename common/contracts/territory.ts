import { z } from 'zod';
import { zInt } from './integers';
import { ZPageQuery, pageOf } from './pagination';

export const ZIstatMunicipalityCode = z.string().regex(/^\d{6}$/, 'six digits, e.g. 001191');
export const ZRegionCode = z.string().regex(/^\d{2}$/, 'two digits, e.g. 01');
export const ZProvinceCode = z.string().regex(/^\d{3}$/, 'three digits, e.g. 001');

/** [west, south, east, north] in degrees. */
export const ZBbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export const ZPoint = z.object({ lat: z.number(), lng: z.number() });

export const ZRegion = z.object({
  code: z.string(),
  name: z.string(),
  population: zInt(),
  municipalityCount: zInt(),
  bbox: ZBbox.nullable(),
});
export type TRegion = z.infer<typeof ZRegion>;

export const ZProvince = z.object({
  code: z.string(),
  name: z.string(),
  abbreviation: z.string(),
  regionCode: z.string(),
  population: zInt(),
  municipalityCount: zInt(),
  bbox: ZBbox.nullable(),
});
export type TProvince = z.infer<typeof ZProvince>;

export const ZMunicipalitySummary = z.object({
  istatCode: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  provinceAbbreviation: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** Resident population at the 2011 census; null for municipalities created after the 2020 list. */
  population: zInt().nullable(),
});
export type TMunicipalitySummary = z.infer<typeof ZMunicipalitySummary>;

export const ZMunicipality = ZMunicipalitySummary.extend({
  cadastralCode: z.string().nullable(),
  provinceName: z.string(),
  point: ZPoint.nullable(),
  bbox: ZBbox.nullable(),
  hasBoundary: z.boolean(),
  /** Why this municipality differs between the two sources, when it does (see the reconciliation report). */
  reconciliationNote: z.string().nullable(),
  districts: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type TMunicipality = z.infer<typeof ZMunicipality>;

export const ZMunicipalitySearchQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  region: ZRegionCode.optional(),
  province: ZProvinceCode.optional(),
});
export type TMunicipalitySearchQuery = z.infer<typeof ZMunicipalitySearchQuery>;
export const ZMunicipalityPage = pageOf(ZMunicipalitySummary);

export const ZProvinceListQuery = z.strictObject({ region: ZRegionCode.optional() });

/** GeoJSON of municipalities; properties carry what a choropleth and a tooltip need. */
export const ZMunicipalityFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      properties: z.object({ istatCode: z.string(), name: z.string(), population: zInt().nullable() }),
      geometry: z.unknown(),
    }),
  ),
});

/**
 * The facts behind a reconciliation note, so each person reads it in their own language: the web from its i18n, the
 * CLI (in Italian) through the territory module's describeReconciliation. The note's `treatment` is English prose kept
 * for reports written before the facts existed.
 */
export const ZReconciliationFacts = z.object({
  /** recoded: the code it had before. */
  formerCode: z.string().optional(),
  /** merged: the municipalities it was born of. */
  predecessors: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
  /** boundaries_only: the municipality it was merged into; null when it cannot be derived (an incorporation). */
  successor: z.object({ code: z.string(), name: z.string() }).nullable().optional(),
  /** The day of the variation (YYYY-MM-DD); null when the sources do not give it. */
  on: z.string().nullable().optional(),
  /** boundaries_only: not in the current list, nor in ANPR's history of codes. */
  isUnknownToHistory: z.boolean().optional(),
  /** Whose 2011 census gives its population, when it is not its own: its predecessors' codes. */
  populationFrom: z.array(z.string()).optional(),
  /** Neither it nor a predecessor is in the 2020 list. */
  isPopulationUnknown: z.boolean().optional(),
});
export type TReconciliationFacts = z.infer<typeof ZReconciliationFacts>;

export const ZReconciliationItem = z.object({
  istatCode: z.string(),
  name: z.string(),
  /**
   * `both_without_geometry`: in both sources, but the boundaries give it an empty geometry (no shape, no point).
   * `merged`: a current municipality born of a merger after the boundaries, given the union of its predecessors'.
   * `recoded`: a current municipality under a new code, given the boundary of its former code.
   */
  presentIn: z.enum(['list_only', 'boundaries_only', 'both_without_geometry', 'merged', 'recoded']),
  treatment: z.string(),
  facts: ZReconciliationFacts.optional(),
});
export type TReconciliationItem = z.infer<typeof ZReconciliationItem>;

export const ZTerritoryImportReport = z.object({
  importedAt: z.string(),
  regions: zInt(),
  provinces: zInt(),
  municipalities: zInt(),
  withBoundary: zInt(),
  reconciliation: z.array(ZReconciliationItem),
  /**
   * Upgrading an installation that held older codes: rows of other modules moved from suppressed codes to their
   * successors (per `table.column`), and the suppressed codes still named by rows, kept with those rows and reported
   * (no derivable successor, successor not loaded, or two predecessors that would meet in conflicting rows).
   */
  codeChanges: z
    .object({
      staleCodes: zInt(),
      moved: z.record(z.string(), zInt()),
      unmapped: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          ceasedOn: z.string().nullable(),
          successorCode: z.string().nullable(),
          reason: z.enum(['successor_unknown', 'successor_not_loaded', 'conflict']),
          rows: z.record(z.string(), zInt()),
        }),
      ),
    })
    .optional(),
});
export type TTerritoryImportReport = z.infer<typeof ZTerritoryImportReport>;

export const ZRegionList = z.object({ items: z.array(ZRegion) });
export const ZProvinceList = z.object({ items: z.array(ZProvince) });

/**
 * What an ISTAT municipality code names today (resolveMunicipalityCodes): a current municipality; a suppressed code
 * whose territory a current municipality holds (merged or recoded, following chains); a code that ceased with no
 * derivable successor (to report as unmapped, never guessed); or a code nobody knows. Dates are YYYY-MM-DD; null when
 * the sources say a variation happened (by the current list's date) but not when.
 */
export type MunicipalityCodeResolution =
  | { kind: 'current'; code: string; name: string }
  | {
      kind: 'succeeded';
      code: string;
      name: string;
      successorCode: string;
      successorName: string;
      on: string | null;
      /** merged: into a municipality born that day; recoded: the same municipality under a new code (new province). */
      reason: 'merged' | 'recoded';
    }
  | { kind: 'ceased'; code: string; name: string; ceasedOn: string | null }
  | { kind: 'unknown'; code: string };

/** The territory's event after every import or load (`territory.municipalities-changed`). */
export const ZMunicipalitiesChanged = z.strictObject({
  /** Municipalities in the table after the import (of the regions loaded). */
  currentMunicipalities: zInt(),
  /** Suppressed codes in the history of codes. */
  codeVariations: zInt(),
});
export type TMunicipalitiesChanged = z.infer<typeof ZMunicipalitiesChanged>;
