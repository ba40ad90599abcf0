import { defineErrorCodes } from './errors';

/** The services module's error codes and statuses. */
export const SERVICES_ERROR_CODES = defineErrorCodes('SERVICES', { 'SERVICES.DUPLICATE_TERM_CODE': 409 });
export type ServicesErrorCode = keyof typeof SERVICES_ERROR_CODES;
