import { z } from 'zod';
import { toCentimetres } from '../domain/geo';
import { zInt, zQueryInt } from './integers';
import { zMoneyCents } from './money';
import { TEXT_FILE_ENCODINGS } from '../domain/text-files';
import {
  CAPACITY_PERIODS,
  CAPACITY_UNITS,
  COST_KINDS,
  OPEN_TO,
  SERVICE_STATUSES,
  TARGET_GROUPS,
  WEEKDAYS,
} from '../domain/services';

const ZIstatCode = z.string().regex(/^\d{6}$/, 'an ISTAT municipality code has 6 digits');
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM');

export const ZScheduleRule = z.strictObject({
  freq: z.enum(['WEEKLY', 'MONTHLY']).default('WEEKLY'),
  byday: z.array(z.enum(WEEKDAYS)).max(7).default([]),
  bymonthday: z.array(zInt().min(1).max(31)).max(31).default([]),
  opensAt: ZTime.nullable().default(null),
  closesAt: ZTime.nullable().default(null),
  notes: z.string().trim().max(300).default(''),
});
export type TScheduleRule = z.infer<typeof ZScheduleRule>;

export const ZLocationInput = z.strictObject({
  name: z.string().trim().min(2).max(200),
  address: z.string().trim().max(300).default(''),
  postalCode: z.string().regex(/^\d{5}$/, 'a CAP has 5 digits').nullable().default(null),
  municipalityCode: ZIstatCode,
  /** Defaults to the municipality's representative point when not given. */
  latitude: z.number().min(-90).max(90).overwrite(toCentimetres).nullable().default(null),
  longitude: z.number().min(-180).max(180).overwrite(toCentimetres).nullable().default(null),
});

export const ZCapacity = z.strictObject({
  total: zInt().min(0).max(1_000_000).nullable().default(null),
  free: zInt().min(0).max(1_000_000).nullable().default(null),
  unit: z.enum(CAPACITY_UNITS).default('places'),
  period: z.enum(CAPACITY_PERIODS).nullable().default(null),
});

/** The highest price a service may state: a million euros, in cents (the column's check says the same). */
export const SERVICE_COST_CENTS_MAX = 100_000_000;

const serviceFields = {
  name: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000).default(''),
  status: z.enum(SERVICE_STATUSES).default('active'),
  howToAccess: z.string().trim().max(2000).default(''),
  email: z.email().nullable().default(null),
  url: z.url({ protocol: /^https?$/ }).nullable().default(null),
  phone: z.string().trim().max(40).nullable().default(null),
  categoryCodes: z.array(z.string().min(2).max(80)).max(20).default([]),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).default([]),
  openTo: z.array(z.enum(OPEN_TO)).max(OPEN_TO.length).default(['all_residents']),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 code')).max(20).default(['it']),
  eligibilityDescription: z.string().trim().max(2000).default(''),
  eligibilityConditions: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  minimumAge: zInt().min(0).max(120).nullable().default(null),
  maximumAge: zInt().min(0).max(120).nullable().default(null),
  costKind: z.enum(COST_KINDS).default('free'),
  /** The price in cents of euro (1250 is 12.50 €), up to a million euros: what the `integer` column holds with room. */
  costCents: zMoneyCents().min(0).max(SERVICE_COST_CENTS_MAX).nullable().default(null),
  costDescription: z.string().trim().max(1000).default(''),
  capacity: ZCapacity.nullable().default(null),
  serviceAreaDistrictId: z.uuid().nullable().default(null),
  serviceAreaMunicipalityCodes: z.array(ZIstatCode).max(8000).default([]),
  locations: z.array(ZLocationInput).max(50).default([]),
  schedules: z.array(ZScheduleRule).max(20).default([]),
};

export const ZServiceCreate = z.strictObject({
  organizationId: z.uuid(),
  ...serviceFields,
  /** When the data were last confirmed, if not today (an import from another directory keeps its `assured_date`). */
  confirmedOn: z.iso.date().optional(),
  isDemo: z.boolean().default(false),
});
export type TServiceCreate = z.input<typeof ZServiceCreate>;

export const ZServiceUpdate = z.strictObject({
  ...Object.fromEntries(Object.entries(serviceFields).map(([key, schema]) => [key, schema.optional()])) as {
    [K in keyof typeof serviceFields]: z.ZodOptional<(typeof serviceFields)[K]>;
  },
  version: zInt().min(1),
});
export type TServiceUpdate = z.input<typeof ZServiceUpdate>;

export const ZServiceConfirm = z.strictObject({
  version: zInt().min(1),
  capacityFree: zInt().min(0).max(1_000_000).nullable().optional(),
});

export const ZCategory = z.object({ id: z.string(), code: z.string(), labelIt: z.string(), labelEn: z.string() });

export const ZServiceLocation = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  postalCode: z.string().nullable(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  provinceAbbreviation: z.string(),
  latitude: z.number(),
  longitude: z.number(),
});

export const ZCapacityView = z.object({
  total: z.number().nullable(),
  free: z.number().nullable(),
  unit: z.enum(CAPACITY_UNITS),
  period: z.enum(CAPACITY_PERIODS).nullable(),
});

export const ZFreshness = z.object({
  confirmedOn: z.string(),
  days: zInt(),
  freshness: z.enum(['fresh', 'aging', 'stale']),
});

const ZScheduleView = z.object({
  freq: z.enum(['WEEKLY', 'MONTHLY']),
  byday: z.array(z.enum(WEEKDAYS)),
  bymonthday: z.array(z.number()),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  notes: z.string(),
});

export const ZServiceSummary = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  status: z.enum(SERVICE_STATUSES),
  provider: z.object({ id: z.string(), name: z.string() }),
  categories: z.array(ZCategory),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  openTo: z.array(z.enum(OPEN_TO)),
  /** The location nearest to the search centre (or the first one without a centre). */
  location: ZServiceLocation.nullable(),
  locationCount: zInt(),
  distanceKm: z.number().nullable(),
  /** Served area in words: a district's name, or the municipalities' names (first few). */
  serviceAreaLabel: z.string().nullable(),
  schedules: z.array(ZScheduleView),
  costKind: z.enum(COST_KINDS),
  /** Cents of euro; format with common/domain/money.ts formatMoney. */
  costCents: zMoneyCents().nullable(),
  costDescription: z.string(),
  howToAccess: z.string(),
  capacity: ZCapacityView.nullable(),
  confirmation: ZFreshness,
  isDemo: z.boolean(),
  /** The provider's social quality labels valid today (module labels): each links to its public verification page. */
  labels: z.array(z.object({ schemeName: z.string(), publicCode: z.string(), validUntil: z.string() })),
});
export type TServiceSummary = z.infer<typeof ZServiceSummary>;

export const ZService = ZServiceSummary.extend({
  description: z.string(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
  eligibilityDescription: z.string(),
  eligibilityConditions: z.array(z.string()),
  minimumAge: z.number().nullable(),
  maximumAge: z.number().nullable(),
  locations: z.array(ZServiceLocation),
  serviceAreaDistrict: z.object({ id: z.string(), name: z.string() }).nullable(),
  serviceAreaMunicipalities: z.array(z.object({ istatCode: z.string(), name: z.string() })),
  version: zInt(),
  updatedAt: z.string(),
  /** Whether the current visitor may edit it (the server still decides on save). */
  canEdit: z.boolean(),
});
export type TService = z.infer<typeof ZService>;

export const SEARCH_RADIUS_MAX_KM = 200;
export const SEARCH_PAGE_SIZE_MAX = 50;
/** Bounded pagination: deeper than this a visitor should refine the query, and the cost stays predictable. */
export const SEARCH_PAGE_MAX = 20;
/** A resident's query is a few words: longer text is refused (400 naming `q`), so no query costs more than these. */
export const SEARCH_TEXT_MAX = 200;

export const ZServiceSearchQuery = z.strictObject({
  q: z.string().trim().max(SEARCH_TEXT_MAX).optional(),
  category: z.string().max(80).optional(),
  /** Search the words as typed, without correcting their spelling (the page's "search instead for …"). */
  asTyped: z.enum(['true', 'false']).optional(),
  /** Do not narrow the results to the category the words name ("nursery" → nurseries only): every category. */
  everyCategory: z.enum(['true', 'false']).optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  cost: z.enum(COST_KINDS).optional(),
  openTo: z.enum(OPEN_TO).optional(),
  /** Services available in this municipality: a location there, or a service area covering it. */
  municipality: ZIstatCode.optional(),
  /** Centre of a distance search: a municipality, or a point (`lat`, `lng`). */
  near: ZIstatCode.optional(),
  lat: z.coerce.number().min(-90).max(90).overwrite(toCentimetres).optional(),
  lng: z.coerce.number().min(-180).max(180).overwrite(toCentimetres).optional(),
  radiusKm: z.coerce.number().min(1).max(SEARCH_RADIUS_MAX_KM).default(20),
  organizationId: z.uuid().optional(),
  /** Only services of providers holding a social quality label valid today. */
  labelled: z.enum(['true', 'false']).optional(),
  page: zQueryInt().min(1).max(SEARCH_PAGE_MAX).default(1),
  pageSize: zQueryInt().min(1).max(SEARCH_PAGE_SIZE_MAX).default(20),
});
export type TServiceSearchQuery = z.input<typeof ZServiceSearchQuery>;

export const ZServiceSearchPage = z.object({
  items: z.array(ZServiceSummary),
  page: zInt(),
  pageSize: zInt(),
  hasMore: z.boolean(),
  centre: z.object({ name: z.string(), latitude: z.number(), longitude: z.number() }).nullable(),
  /** What the search understood in the typed words: the municipality named in them, a category, a corrected spelling. */
  understood: z
    .object({
      near: z.object({ istatCode: z.string(), name: z.string() }).nullable(),
      radiusKm: z.number(),
      /** The category the words name, when they name one. */
      category: z.string().nullable(),
      /** The results are that category's only (it found some, and `everyCategory` was not asked). */
      isCategoryApplied: z.boolean(),
      /** The results are for these corrected words, which found more than the words as typed. */
      correctedQuery: z.string().nullable(),
      /** The words were searched as typed (`asTyped`), and these corrected words would find more. */
      didYouMean: z.string().nullable(),
    })
    .optional(),
});
export type TServiceSearchPage = z.infer<typeof ZServiceSearchPage>;

export const ZStaleService = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.object({ id: z.string(), name: z.string() }),
  confirmation: ZFreshness,
});
export const ZStaleServiceList = z.object({ items: z.array(ZStaleService) });

export const ZTaxonomyTerm = z.object({
  id: z.string(),
  code: z.string(),
  parentId: z.string().nullable(),
  labelIt: z.string(),
  labelEn: z.string(),
  descriptionIt: z.string(),
  position: zInt(),
  version: zInt(),
  serviceCount: zInt(),
});
export type TTaxonomyTerm = z.infer<typeof ZTaxonomyTerm>;
export const ZTaxonomyTermList = z.object({ items: z.array(ZTaxonomyTerm) });

export const ZTaxonomyTermCreate = z.strictObject({
  code: z.string().regex(/^[a-z0-9_.-]{2,80}$/, 'lower-case letters, digits, dot, dash or underscore'),
  parentCode: z.string().max(80).nullable().default(null),
  labelIt: z.string().trim().min(2).max(200),
  labelEn: z.string().trim().min(2).max(200),
  descriptionIt: z.string().trim().max(1000).default(''),
});
export type TTaxonomyTermCreate = z.input<typeof ZTaxonomyTermCreate>;

export const ZTaxonomyTermUpdate = z.strictObject({
  labelIt: z.string().trim().min(2).max(200).optional(),
  labelEn: z.string().trim().min(2).max(200).optional(),
  descriptionIt: z.string().trim().max(1000).optional(),
  position: zInt().min(0).max(1000).optional(),
  version: zInt().min(1),
});
export type TTaxonomyTermUpdate = z.input<typeof ZTaxonomyTermUpdate>;

export const SERVICE_IMPORT_MAX_BYTES = 900_000;
/** The file as text (`csv`), or as its bytes in base64 (`contentBase64`: the server detects the encoding; say which). */
export const ZServiceImportRequest = z
  .strictObject({
    csv: z.string().min(1).max(SERVICE_IMPORT_MAX_BYTES).optional(),
    contentBase64: z.string().min(1).max(Math.ceil(SERVICE_IMPORT_MAX_BYTES / 3) * 4).optional(),
    dryRun: z.boolean().default(true),
  })
  .refine((request) => (request.csv === undefined) !== (request.contentBase64 === undefined), { message: 'send either csv or contentBase64', path: ['csv'] });
export const ZServiceImportReport = z.object({
  dryRun: z.boolean(),
  /** How the uploaded bytes were read (only for `contentBase64`). */
  encoding: z.enum(TEXT_FILE_ENCODINGS).optional(),
  total: zInt(),
  valid: zInt(),
  created: zInt(),
  rows: z.array(
    z.object({
      line: zInt(),
      name: z.string(),
      status: z.enum(['ok', 'error']),
      serviceId: z.string().nullable(),
      reasons: z.array(z.string()),
    }),
  ),
});
export type TServiceImportReport = z.infer<typeof ZServiceImportReport>;
