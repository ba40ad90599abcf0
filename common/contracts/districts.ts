import { z } from 'zod';
import { zInt } from './integers';
import { ZMunicipalitySummary } from './territory';

export const ZDistrictSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  isDemo: z.boolean(),
  municipalityCount: zInt(),
  population: zInt(),
  coordinatorOrganization: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type TDistrictSummary = z.infer<typeof ZDistrictSummary>;

export const ZDistrictMember = z.object({
  /** The membership row: its coordinators end it from the members list. */
  membershipId: z.string(),
  organizationId: z.string(),
  name: z.string(),
  kind: z.string(),
  sector: z.string(),
  municipalityName: z.string().nullable(),
  role: z.enum(['coordinator', 'member', 'observer']),
  isDemo: z.boolean(),
  startedOn: z.string(),
  /** Set when the membership was ended on a day not yet past (the end day itself is still current). */
  endedOn: z.string().nullable(),
});

export const DISTRICT_BODY_KINDS = ['steering_group', 'assembly', 'working_group'] as const;
export const DISTRICT_BODY_ROLES = ['chair', 'member', 'secretary'] as const;

export const ZDistrictBodyMember = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  /** The person who sits for the organization, when known. */
  representativeName: z.string(),
  role: z.enum(DISTRICT_BODY_ROLES),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  /** Seated today: started and not ended (the end day itself included), the platform's one rule (common/domain/current-period.ts). */
  isCurrent: z.boolean(),
});

/** A governance body of the district: steering group (cabina di regia), assembly, working group (tavolo). */
export const ZDistrictBody = z.object({
  id: z.string(),
  kind: z.enum(DISTRICT_BODY_KINDS),
  name: z.string(),
  description: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  version: zInt(),
  /** Current members first; members whose term ended stay listed with their end date. */
  members: z.array(ZDistrictBodyMember),
});
export type TDistrictBody = z.infer<typeof ZDistrictBody>;

/** The zone of a reference zoning the district is defined as (null: a custom set of municipalities). */
export const ZDistrictReferenceZone = z.object({
  zoneId: z.string(),
  zoneCode: z.string(),
  zoneName: z.string(),
  zoningId: z.string(),
  zoningName: z.string(),
});

export const ZDistrict = ZDistrictSummary.extend({
  referenceZone: ZDistrictReferenceZone.nullable(),
  bodies: z.array(ZDistrictBody),
  /** How the municipalities were chosen, in words a visitor understands (e.g. the radius rule of the demo). */
  definition: z.string(),
  municipalities: z.array(ZMunicipalitySummary),
  members: z.array(ZDistrictMember),
  version: zInt(),
  updatedAt: z.string(),
});
export type TDistrict = z.infer<typeof ZDistrict>;

export const ZDistrictUpdate = z.strictObject({
  name: z.string().trim().min(3).max(200).optional(),
  description: z.string().trim().max(5000).optional(),
  version: zInt().min(1),
});
export type TDistrictUpdate = z.infer<typeof ZDistrictUpdate>;

export const ZDistrictList = z.object({ items: z.array(ZDistrictSummary) });

/** Redefine the district's area: one zone of a reference zoning, or a custom set of municipalities. */
export const ZDistrictAreaUpdate = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('zone'), zoneId: z.uuid(), version: zInt().min(1) }),
  z.strictObject({ kind: z.literal('custom'), municipalityCodes: z.array(z.string().regex(/^\d{6}$/, 'six digits, e.g. 001191')).min(1).max(8000), version: zInt().min(1) }),
]);
export type TDistrictAreaUpdate = z.infer<typeof ZDistrictAreaUpdate>;

export const ZDistrictBodyCreate = z.strictObject({
  kind: z.enum(DISTRICT_BODY_KINDS),
  name: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000).default(''),
  startedOn: z.iso.date().optional(),
});
export type TDistrictBodyCreate = z.input<typeof ZDistrictBodyCreate>;

export const ZDistrictBodyMemberCreate = z.strictObject({
  organizationId: z.uuid(),
  representativeName: z.string().trim().max(200).default(''),
  role: z.enum(DISTRICT_BODY_ROLES).default('member'),
  startedOn: z.iso.date().optional(),
});
export type TDistrictBodyMemberCreate = z.input<typeof ZDistrictBodyMemberCreate>;

/** Ends a member's term (the row stays, with its dates: who sat when is part of the district's history). */
export const ZDistrictBodyMemberEnd = z.strictObject({ endedOn: z.iso.date() });
export type TDistrictBodyMemberEnd = z.infer<typeof ZDistrictBodyMemberEnd>;
