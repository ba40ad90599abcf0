import type { Actor } from './access/actor';
import type { Database, OrmTransaction } from './db/database';
import type { Language } from './texts';

/**
 * What every use case receives: who acts, the database, the request id that ties audit entries to logs, and where
 * the request came from (source address and user agent, for the audit log; absent from the CLI).
 */
export interface UseCaseContext {
  actor: Actor;
  db: Database;
  requestId: string | null;
  sourceIp?: string | null;
  userAgent?: string | null;
  /** The language of the person asking, for words the server writes for them (report labels, exports); Italian when absent. */
  language?: Language;
}

export function inTransaction<T>(context: UseCaseContext, work: (tx: OrmTransaction) => Promise<T>): Promise<T> {
  return context.db.transaction(work);
}
