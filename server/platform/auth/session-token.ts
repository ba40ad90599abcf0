import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'distretto_session';
/** Idle lifetime: a session unused for this long expires; each use extends it. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Extending the expiry on every request would make every read a write; once every few minutes is enough. */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export const newSessionToken = (): string => randomBytes(32).toString('base64url');
export const newCsrfToken = (): string => randomBytes(24).toString('base64url');
export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');
