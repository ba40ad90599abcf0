import { defineErrorCodes } from './errors';

/** The territory module's error codes and statuses. */
export const TERRITORY_ERROR_CODES = defineErrorCodes('TERRITORY', { 'TERRITORY.NOT_LOADED': 409 });
export type TerritoryErrorCode = keyof typeof TERRITORY_ERROR_CODES;
