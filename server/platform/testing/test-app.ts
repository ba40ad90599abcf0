import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type AppConfig } from '../config/config';
import { createHttpServer } from '../http/create-http-server';
import type { ModuleManifest } from '../module';
import { systemActor } from '../access/actor';
import { createUser } from '../auth/create-user';
import type { RoleGrant } from '../access/actor';
import type { UseCaseContext } from '../use-case';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  /** The CLI operator's context, for arranging data through the real use cases. */
  system: UseCaseContext;
  close(): Promise<void>;
}

/** The real HTTP server on a fresh database, for `app.inject` tests (no web bundle, no logs). */
export async function createTestApp(modules: ModuleManifest[] = [], configOverrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = { ...loadConfig({}), logLevel: 'silent' as const, ...configOverrides };
  // TEST_LOG=1 shows the server's log (the stack of a 500) while debugging a test.
  const app = await createHttpServer({ db, config: { ...config, logLevel: process.env.TEST_LOG ? 'error' : 'silent' }, modules, serveWeb: false, logger: Boolean(process.env.TEST_LOG) });
  await app.ready();
  return {
    app,
    db,
    system: { actor: systemActor('test'), db, requestId: null },
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

let userCounter = 0;

export async function createTestUser(
  context: UseCaseContext,
  grants: { role: RoleGrant['role']; districtId?: string; organizationId?: string }[] = [],
): Promise<{ id: string; email: string }> {
  userCounter += 1;
  return createUser(context, { email: `user${userCounter}-${Date.now()}@example.test`, displayName: `Test user ${userCounter}`, password: TEST_PASSWORD, grants });
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie-authenticated write. */
  writeHeaders: Record<string, string>;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'distretto_session');
  if (!cookie) throw new Error(`No session cookie in response ${response.statusCode}: ${response.body}`);
  return `distretto_session=${cookie.value}`;
}

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookieOf(response);
  const csrfToken = response.json().csrfToken as string;
  return { cookie, csrfToken, writeHeaders: { cookie, 'x-csrf-token': csrfToken } };
}
