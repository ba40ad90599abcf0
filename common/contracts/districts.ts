import { z } from 'zod';
import { ZMunicipalitySummary } from './territory';

export const ZDistrictSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  isDemo: z.boolean(),
  municipalityCount: z.number().int(),
  population: z.number().int(),
  coordinatorOrganization: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type TDistrictSummary = z.infer<typeof ZDistrictSummary>;

export const ZDistrictMember = z.object({
  organizationId: z.string(),
  name: z.string(),
  kind: z.string(),
  sector: z.string(),
  municipalityName: z.string().nullable(),
  role: z.enum(['coordinator', 'member', 'observer']),
  isDemo: z.boolean(),
});

export const ZDistrict = ZDistrictSummary.extend({
  /** How the municipalities were chosen, in words a visitor understands (e.g. the radius rule of the demo). */
  definition: z.string(),
  municipalities: z.array(ZMunicipalitySummary),
  members: z.array(ZDistrictMember),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TDistrict = z.infer<typeof ZDistrict>;

export const ZDistrictUpdate = z.strictObject({
  name: z.string().trim().min(3).max(200).optional(),
  description: z.string().trim().max(5000).optional(),
  version: z.number().int().min(1),
});
export type TDistrictUpdate = z.infer<typeof ZDistrictUpdate>;

export const ZDistrictList = z.object({ items: z.array(ZDistrictSummary) });
