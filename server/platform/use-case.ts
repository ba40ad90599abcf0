import type { Actor } from './access/actor';
import type { Database, OrmTransaction } from './db/database';

/** What every use case receives: who acts, the database, and the request id that ties audit entries to logs. */
export interface UseCaseContext {
  actor: Actor;
  db: Database;
  requestId: string | null;
}

export function inTransaction<T>(context: UseCaseContext, work: (tx: OrmTransaction) => Promise<T>): Promise<T> {
  return context.db.transaction(work);
}
