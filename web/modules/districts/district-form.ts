/** Limits of ZDistrictUpdate (common/contracts/districts.ts), checked in the browser before sending. */
export const DISTRICT_NAME_MIN = 3;
export const DISTRICT_NAME_MAX = 200;
export const DISTRICT_DESCRIPTION_MAX = 5000;

/** Client-side checks matching ZDistrictUpdate, so most mistakes are caught before the round trip. */
export function validateDistrictForm(name: string, description: string): { name?: 'tooShort' | 'tooLong'; description?: 'tooLong' } {
  const trimmed = name.trim();
  return {
    ...(trimmed.length < DISTRICT_NAME_MIN ? { name: 'tooShort' as const } : {}),
    ...(trimmed.length > DISTRICT_NAME_MAX ? { name: 'tooLong' as const } : {}),
    ...(description.trim().length > DISTRICT_DESCRIPTION_MAX ? { description: 'tooLong' as const } : {}),
  };
}

