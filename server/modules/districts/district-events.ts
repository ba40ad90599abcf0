import { z } from 'zod';
import { defineEvent } from '../../platform/events';

/**
 * A district's municipalities changed; published (server/platform/events.ts) inside the transaction that changes
 * them, with the ISTAT codes before and after (the services module keeps its stored supply in step).
 */
export const ZDistrictAreaChanged = z.strictObject({
  // Any id a uuid column holds (seeds and benchmarks use ids that are not RFC 4122 version 4).
  districtId: z.guid(),
  municipalityCodesBefore: z.array(z.string().regex(/^\d{6}$/)),
  municipalityCodesAfter: z.array(z.string().regex(/^\d{6}$/)),
});
export type TDistrictAreaChanged = z.infer<typeof ZDistrictAreaChanged>;

export const DISTRICT_AREA_CHANGED = defineEvent('districts.area-changed', ZDistrictAreaChanged);
