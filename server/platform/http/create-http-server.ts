import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { REQUEST_BODY_LIMIT_BYTES } from '../../../common/domain/limits';
import { auditRoutes } from '../audit/audit.routes';
import { authRoutes } from '../auth/auth.routes';
import { usersRoutes } from '../auth/users.routes';
import { resolveSession } from '../auth/resolve-session';
import { SESSION_COOKIE } from '../auth/session-token';
import type { AppConfig } from '../config/config';
import type { Database } from '../db/database';
import { registerOrganizationMergeHooks, registerSubscriptions, type ModuleManifest } from '../module';
import { registerMunicipalityCodesHooks } from '../module';
import { settingsRoutes } from '../settings/settings.routes';
import { selectSettings } from '../settings/settings.repository';
import { mailRoutes } from '../mail/mail.routes';
import { jobsRoutes } from '../jobs/jobs.routes';
import { FileOwners } from '../files/file-owners';
import { filesRoutes } from '../files/files.routes';
import { ZHealth } from '../../../common/contracts/settings';
import { assertCsrfSafe } from './csrf';
import { handleError } from './error-handler';
import { refuseNulCharacters } from './refuse-nul-characters';
import { securityHeadersFor } from './security-headers';
import './fastify-types';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
const APP_VERSION = '0.1.0';

export interface HttpServerOptions {
  db: Database;
  config: AppConfig;
  modules: ModuleManifest[];
  /** Serve the built web app from web/dist (off in API tests). */
  serveWeb?: boolean;
  /** The built web app's folder (web/dist); tests point it at a fixture. */
  webDistDir?: string;
  logger?: boolean;
}

/** Builds the Fastify server: contracts, OpenAPI, sessions, CSRF, errors, the platform's and every module's routes. */
export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: options.config.logLevel },
    bodyLimit: REQUEST_BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.db);
  app.decorate('config', options.config);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);
  app.setErrorHandler(handleError);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Distretto API',
        description: 'Territorial welfare networks: territory, districts, organizations, services, needs and more.',
        version: APP_VERSION,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  // GeoJSON of a region is ~700 KiB and gzips to ~150 KiB.
  await app.register(fastifyCompress, { threshold: 2048, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });

  // The basemap origin joins the pages' CSP; read from settings at most once a minute, not on every request.
  let basemapCache: { url: string | null; readAt: number } | null = null;
  const basemapUrl = async (): Promise<string | null> => {
    if (!basemapCache || Date.now() - basemapCache.readAt > 60_000) {
      try {
        basemapCache = { url: (await selectSettings(options.db.orm)).basemapUrl, readAt: Date.now() };
      } catch {
        return basemapCache?.url ?? null;
      }
    }
    return basemapCache.url;
  };

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    const path = request.url.split('?')[0]!;
    const isApi = path.startsWith('/api/');
    const needsBasemap = !isApi || path.startsWith('/api/docs');
    reply.headers(securityHeadersFor(path, { basemapUrl: needsBasemap ? await basemapUrl() : null, secureCookies: options.config.secureCookies }));
    if (!isApi) {
      request.actor = { kind: 'anonymous' };
      return;
    }
    const resolved = await resolveSession(request.server.db, request.cookies[SESSION_COOKIE], options.config.sessions);
    request.actor = resolved.actor;
    request.session = resolved.session;
    assertCsrfSafe(request);
  });

  app.addHook('preValidation', refuseNulCharacters);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { tags: ['platform'], summary: 'Liveness; answers without touching the database', response: { 200: ZHealth } } }, async () => ({
    status: 'ok' as const,
    database: options.db.kind,
    version: APP_VERSION,
  }));
  await app.register(authRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(settingsRoutes);
  await app.register(mailRoutes);
  await app.register(jobsRoutes);
  await app.register(filesRoutes(FileOwners.fromModules(options.modules)));
  // The use cases these routes reach publish events other modules keep derived data from.
  registerSubscriptions(options.modules);
  registerOrganizationMergeHooks(options.modules);
  registerMunicipalityCodesHooks(options.modules);
  for (const module of options.modules) {
    if (module.routes) await app.register(module.routes);
  }

  const webDistDir = options.webDistDir ?? WEB_DIST;
  const serveWeb = options.serveWeb !== false && existsSync(join(webDistDir, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: false, maxAge: '1h' });
    // Hashed assets never change; index.html must always be fresh.
    app.get('/assets/*', async (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(`assets/${path}`);
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (!request.url.startsWith('/api/') && serveWeb && (request.method === 'GET' || request.method === 'HEAD') && !isStaticFilePath(request.url)) {
      // Client-side routes (/territorio/...) are answered with the app shell.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({ code: 'COMMON.NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}`, requestId: String(request.id) });
  });
  return app;
}

/**
 * A missing file is a 404, not the app shell with 200: anything under /assets/ (hashed bundles; a stale tab asking for
 * an old one must see the failure) and any path whose last segment has a file extension. Client routes have none.
 */
export function isStaticFilePath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path.startsWith('/assets/') || /\.[A-Za-z0-9]{1,8}$/.test(path.slice(path.lastIndexOf('/') + 1));
}
