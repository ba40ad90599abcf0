import { createHash, randomBytes } from 'node:crypto';
import type { SessionPolicy } from '../config/config';

export const SESSION_COOKIE = 'distretto_session';
/** Extending the expiry on every request would make every read a write; once every few minutes is enough. */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** The defaults of DISTRETTO_SESSION_IDLE_MINUTES, _ABSOLUTE_HOURS and DISTRETTO_REAUTHENTICATION_MINUTES. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 120, absoluteHours: 12, reauthenticationMinutes: 10 };

export const idleMs = (policy: SessionPolicy): number => policy.idleMinutes * 60_000;
export const absoluteMs = (policy: SessionPolicy): number => policy.absoluteHours * 3_600_000;

export const newSessionToken = (): string => randomBytes(32).toString('base64url');
export const newCsrfToken = (): string => randomBytes(24).toString('base64url');
export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');
