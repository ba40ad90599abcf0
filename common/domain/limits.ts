/** Limits shared by the server's validation and the web forms. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;
export const REQUEST_BODY_LIMIT_BYTES = 1_048_576;
/** The largest value a PostgreSQL `integer` column holds: every integer a contract accepts is bounded by it. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;
/** Number answers beyond ±10¹² are typing accidents, and a mean of such values still fits a double. */
export const NUMBER_ANSWER_ABSOLUTE_MAX = 1e12;
