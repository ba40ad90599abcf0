import { resolve } from 'node:path';
import { z } from 'zod';
import { FILE_MAX_BYTES_DEFAULT } from '../../../common/domain/files';

const ZEnvironment = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** The owner role that runs migrations, when the app connects with a role of its own (ADR 0023). */
  DISTRETTO_MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DISTRETTO_DATA_DIR: z.string().default('.distretto'),
  /** The platform's public address (scheme, host, optional port and path): every link in an e-mail starts with it. */
  DISTRETTO_PUBLIC_URL: z.string().optional(),
  DISTRETTO_BASEMAP_URL: z.string().optional(),
  DISTRETTO_BASEMAP_ATTRIBUTION: z.string().optional(),
  DISTRETTO_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  DISTRETTO_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  DISTRETTO_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(120),
  DISTRETTO_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(12),
  DISTRETTO_REAUTHENTICATION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  DISTRETTO_LOGIN_FREE_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  DISTRETTO_LOGIN_ADDRESS_FREE_ATTEMPTS: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Jobs one process runs at once; how long a claimed job stays its worker's (renewed while it runs); idle poll. */
  DISTRETTO_JOB_SLOTS: z.coerce.number().int().min(1).max(256).default(4),
  DISTRETTO_JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(86_400).default(60),
  DISTRETTO_JOB_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** The wait after a job's first failed attempt, doubling after each next one (capped at an hour). */
  DISTRETTO_JOB_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** The largest attachment accepted, in bytes (server/platform/files): 1 KiB to 100 MiB, 10 MiB when unset. */
  DISTRETTO_FILE_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(FILE_MAX_BYTES_DEFAULT),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export interface AppConfig {
  /** A PostgreSQL server URL, or null for the embedded PGlite database kept in `dataDir`. */
  databaseUrl: string | null;
  /** The server URL migrations run with (the tables' owner); null: the same as databaseUrl. */
  migrationDatabaseUrl: string | null;
  port: number;
  host: string;
  /** Folder for the embedded database, its lock and other local state. */
  dataDir: string;
  /** Initial basemap tile URL written to settings on first start (admins change it later in the UI). */
  basemapUrl: string | null;
  /**
   * The platform's public address, without a trailing slash (DISTRETTO_PUBLIC_URL): links in e-mails start with it,
   * never with the address a request came to (which may be localhost behind a proxy). Null: not set.
   */
  publicUrl: string | null;
  basemapAttribution: string | null;
  /** Longest a single query may run before the app gives up on it (PGlite ignores statement_timeout). */
  queryTimeoutMs: number;
  secureCookies: boolean;
  sessions: SessionPolicy;
  loginThrottle: LoginThrottlePolicy;
  logLevel: z.infer<typeof ZEnvironment>['LOG_LEVEL'];
  jobs: JobsPolicy;
  files: FilesPolicy;
}

/** Attachments (server/platform/files, ADR 0027): the largest file accepted. */
export interface FilesPolicy {
  maxBytes: number;
}

/** How a process runs background jobs (server/platform/jobs/worker.ts, ADR 0025). */
export interface JobsPolicy {
  slots: number;
  leaseSeconds: number;
  pollMs: number;
  /** Seconds before a failed job's second attempt; each next wait doubles (server/platform/jobs/job-rules.ts). */
  retryBaseSeconds: number;
}

/** Session lifetimes (ADR 0022): idle, absolute, and how recent a password must be for a sensitive act. */
export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  reauthenticationMinutes: number;
}

/**
 * Failed sign-ins allowed before each throttle starts delaying (ADR 0022): per e-mail from one address, per address
 * across e-mails; per e-mail from every address the allowance is the address one, and its delay is short, so an
 * attacker cannot keep the real owner out.
 */
export interface LoginThrottlePolicy {
  accountFreeAttempts: number;
  addressFreeAttempts: number;
}

export class ConfigError extends Error {}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0', '[::]']);

/**
 * DISTRETTO_PUBLIC_URL: an absolute http(s) address people can reach from outside this machine (not localhost nor a
 * loopback address), without query, fragment or credentials; returned without its trailing slashes.
 */
export function checkPublicUrl(value: string): string {
  const refuse = (why: string) => new ConfigError(`Invalid configuration: DISTRETTO_PUBLIC_URL: ${why} (got "${value}")`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse('must be an absolute address such as https://distretto.example.it');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('must start with https:// or http://');
  const host = url.hostname.toLowerCase();
  if (LOOPBACK_HOSTS.has(host) || host.endsWith('.localhost') || host.startsWith('127.')) {
    throw refuse('must be the address people reach the platform at, not localhost or a loopback address');
  }
  if (url.username || url.password) throw refuse('must not carry a user name or password');
  if (url.search || url.hash || value.includes('?') || value.includes('#')) throw refuse('must not carry a query or a fragment');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Reads configuration from the environment; a bad value stops start-up naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (`DATABASE_URL= npm start`) means "not set", as in most tools.
  const setVariables = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ZEnvironment.safeParse(setVariables);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.DISTRETTO_MIGRATION_DATABASE_URL && !e.DATABASE_URL) {
    throw new ConfigError('Invalid configuration: DISTRETTO_MIGRATION_DATABASE_URL: needs DATABASE_URL (the embedded database has no roles)');
  }
  return {
    databaseUrl: e.DATABASE_URL ?? null,
    migrationDatabaseUrl: e.DISTRETTO_MIGRATION_DATABASE_URL ?? null,
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DISTRETTO_DATA_DIR),
    basemapUrl: e.DISTRETTO_BASEMAP_URL ?? null,
    publicUrl: e.DISTRETTO_PUBLIC_URL === undefined ? null : checkPublicUrl(e.DISTRETTO_PUBLIC_URL),
    basemapAttribution: e.DISTRETTO_BASEMAP_ATTRIBUTION ?? null,
    queryTimeoutMs: e.DISTRETTO_QUERY_TIMEOUT_MS,
    secureCookies: e.DISTRETTO_SECURE_COOKIES === 'true',
    sessions: {
      idleMinutes: e.DISTRETTO_SESSION_IDLE_MINUTES,
      absoluteHours: e.DISTRETTO_SESSION_ABSOLUTE_HOURS,
      reauthenticationMinutes: e.DISTRETTO_REAUTHENTICATION_MINUTES,
    },
    loginThrottle: { accountFreeAttempts: e.DISTRETTO_LOGIN_FREE_ATTEMPTS, addressFreeAttempts: e.DISTRETTO_LOGIN_ADDRESS_FREE_ATTEMPTS },
    logLevel: e.LOG_LEVEL,
    files: { maxBytes: e.DISTRETTO_FILE_MAX_BYTES },
    jobs: { slots: e.DISTRETTO_JOB_SLOTS, leaseSeconds: e.DISTRETTO_JOB_LEASE_SECONDS, pollMs: e.DISTRETTO_JOB_POLL_MS, retryBaseSeconds: e.DISTRETTO_JOB_RETRY_BASE_SECONDS },
  };
}
