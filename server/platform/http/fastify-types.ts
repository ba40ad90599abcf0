import type { Actor } from '../access/actor';
import type { ResolvedSession } from '../auth/resolve-session';
import type { AppConfig } from '../config/config';
import type { Database } from '../db/database';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: AppConfig;
  }
  interface FastifyContextConfig {
    /** Request paths (`body.content`) that may carry a NUL: file text the route cleans row by row (refuse-nul-characters.ts). */
    nulAllowedIn?: string[];
  }
  interface FastifyRequest {
    actor: Actor;
    session: ResolvedSession['session'];
  }
}
