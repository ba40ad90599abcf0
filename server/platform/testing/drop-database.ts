import pg from 'pg';

const OBJECT_IN_USE = '55006';
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Drops a database a test or benchmark created on the DATABASE_URL server, as the non-superuser role CI runs as
 * (ADR 0023). A plain DROP first: it waits for an autovacuum worker on the database to stop, which `WITH (FORCE)`
 * cannot do for a non-superuser ("must be a member of the role whose process is being terminated" — autovacuum
 * belongs to no role). Only when sessions of our own are still connected (a killed child's pool) is FORCE needed.
 */
export async function dropServerDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing to drop a database with an unexpected name: ${name}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(`drop database if exists ${name}`);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== OBJECT_IN_USE || attempt >= 5) throw error;
      }
      try {
        await client.query(`drop database if exists ${name} with (force)`);
        return;
      } catch (error) {
        // An autovacuum worker started on it meanwhile: the plain DROP of the next attempt waits for it.
        if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
      }
    }
  } finally {
    await client.end();
  }
}
