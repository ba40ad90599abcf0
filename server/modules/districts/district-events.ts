/** Published (server/platform/events.ts) inside the transaction that changes a district's municipalities. */
export const DISTRICT_AREA_CHANGED = 'districts.area_changed';

export interface DistrictAreaChanged {
  districtId: string;
  municipalityCodesBefore: string[];
  municipalityCodesAfter: string[];
}
