import { z } from 'zod';
import { zInt, zQueryInt } from './integers';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../domain/limits';
import { NEED_SOURCES, NEED_STATUSES } from '../domain/needs';
import { TARGET_GROUPS } from '../domain/services';

const ZIstatCode = z.string().regex(/^\d{6}$/, 'an ISTAT code has 6 digits');
const ZCategoryCode = z.string().min(2).max(80);

/** Filters of the register (every one optional except the district). */
export const ZNeedFilters = z.strictObject({
  districtId: z.uuid(),
  categoryCode: ZCategoryCode.optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  municipalityCode: ZIstatCode.optional(),
  status: z.enum(NEED_STATUSES).optional(),
  source: z.enum(NEED_SOURCES).optional(),
  organizationId: z.uuid().optional(),
});
export type TNeedFilters = z.infer<typeof ZNeedFilters>;

export const ZNeedListQuery = ZNeedFilters.extend({
  cursor: z.string().max(500).optional(),
  limit: zQueryInt().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type TNeedListQuery = z.infer<typeof ZNeedListQuery>;

/** One need as its organization and the district's coordinators see it. */
export const ZNeed = z.object({
  id: z.string(),
  districtId: z.string().nullable(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  categoryCode: z.string(),
  categoryLabel: z.string().nullable(),
  targetGroup: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  peopleCount: zInt(),
  relevance: zInt().nullable(),
  source: z.enum(NEED_SOURCES),
  surveyId: z.string().nullable(),
  description: z.string(),
  expressedOn: z.string(),
  status: z.enum(NEED_STATUSES),
  answeredByServiceId: z.string().nullable(),
  answeredByServiceName: z.string().nullable(),
  isDemo: z.boolean(),
  version: zInt(),
});
export type TNeed = z.infer<typeof ZNeed>;

export const ZNeedPage = z.object({
  items: z.array(ZNeed),
  nextCursor: z.string().nullable(),
  total: zInt(),
  /** 'all': a coordinator or admin sees every need; 'own': a member sees only its own organizations' needs. */
  scope: z.enum(['all', 'own']),
});
export type TNeedPage = z.infer<typeof ZNeedPage>;

/** Aggregated counts: what every signed-in member of the district may see. */
export const ZNeedCounts = z.object({
  total: z.object({ needs: zInt(), people: zInt() }),
  byCategoryMunicipality: z.array(
    z.object({
      categoryCode: z.string(),
      categoryLabel: z.string().nullable(),
      municipalityCode: z.string(),
      municipalityName: z.string(),
      needs: zInt(),
      people: zInt(),
      meanRelevance: z.number().nullable(),
    }),
  ),
  byMunicipality: z.array(z.object({ municipalityCode: z.string(), municipalityName: z.string(), needs: zInt(), people: zInt() })),
  byCategory: z.array(z.object({ categoryCode: z.string(), categoryLabel: z.string().nullable(), needs: zInt(), people: zInt() })),
});
export type TNeedCounts = z.infer<typeof ZNeedCounts>;

export const ZNeedCreate = z.strictObject({
  districtId: z.uuid(),
  /** null: an anonymous resident (coordinators only). */
  organizationId: z.uuid().nullable().default(null),
  categoryCode: ZCategoryCode,
  targetGroup: z.enum(TARGET_GROUPS),
  municipalityCode: ZIstatCode,
  peopleCount: zInt().min(1).max(100_000).default(1),
  relevance: zInt().min(1).max(5).nullable().default(null),
  description: z.string().trim().max(2000).default(''),
  expressedOn: z.iso.date().optional(),
  isDemo: z.boolean().default(false),
});
export type TNeedCreate = z.input<typeof ZNeedCreate>;

export const ZNeedStatusChange = z.strictObject({
  version: zInt(),
  status: z.enum(NEED_STATUSES),
  /** Required with `answered_by_service`: the service that now answers the need. */
  answeredByServiceId: z.uuid().nullable().default(null),
});
export type TNeedStatusChange = z.input<typeof ZNeedStatusChange>;
