/**
 * Child-process entry that owns the embedded PGlite database and serves it over a Unix socket with the
 * PostgreSQL wire protocol. PGlite runs in-process and blocks its event loop while a query runs; keeping it here
 * leaves the web server's event loop free, and lets the app talk to both databases through the same `pg` driver.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const dataDir = process.env.PGLITE_DATA_DIR ?? 'memory://';
const socketPath = process.env.PGLITE_SOCKET_PATH;
if (!socketPath) throw new Error('PGLITE_SOCKET_PATH is required');

const db = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
// The app's pool uses one connection at a time (database.ts, ADR 0019); more are accepted so that a replacement
// connection is not refused while a discarded one is still closing (with 1, a second connection is reset).
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 16 });
await server.start();

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => undefined);
  await db.close().catch(() => undefined); // flushes to disk
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
// The parent's IPC channel closes when it exits or crashes: never outlive it holding the data folder.
process.on('disconnect', () => void shutdown());
process.on('message', (message) => {
  if (message === 'shutdown') void shutdown();
});
process.send?.('ready');
