import { sql } from 'drizzle-orm';
import type { TStoredFile } from '../../../common/contracts/files';
import type { DbExecutor } from '../db/database';

/** The only SQL of the file store: metadata in stored_files, the database backend's bytes in stored_file_contents. */

type StoredFileRow = {
  id: string;
  owner: string;
  record_id: string;
  name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Date | string;
};

const COLUMNS = sql`id::text as id, owner, record_id, name, media_type, size_bytes, sha256, created_at`;

function toStoredFile(row: StoredFileRow): TStoredFile {
  return {
    id: row.id,
    owner: row.owner,
    recordId: row.record_id,
    name: row.name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export interface NewStoredFile {
  owner: string;
  recordId: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdBy: string | null;
}

export async function insertStoredFile(db: DbExecutor, file: NewStoredFile): Promise<TStoredFile> {
  const result = await db.execute<StoredFileRow>(sql`
    insert into stored_files (owner, record_id, name, media_type, size_bytes, sha256, created_by)
    values (${file.owner}, ${file.recordId}, ${file.name}, ${file.mediaType}, ${file.sizeBytes}, ${file.sha256}, ${file.createdBy})
    returning ${COLUMNS}`);
  return toStoredFile(result.rows[0]!);
}

export async function selectStoredFile(db: DbExecutor, id: string): Promise<TStoredFile | null> {
  const result = await db.execute<StoredFileRow>(sql`select ${COLUMNS} from stored_files where id = ${id}::uuid`);
  return result.rows[0] ? toStoredFile(result.rows[0]) : null;
}

/** A record's files, oldest first. */
export async function selectFilesOfRecord(db: DbExecutor, owner: string, recordId: string): Promise<TStoredFile[]> {
  const result = await db.execute<StoredFileRow>(sql`
    select ${COLUMNS} from stored_files where owner = ${owner} and record_id = ${recordId} order by created_at, id`);
  return result.rows.map(toStoredFile);
}

/** Deletes a file's metadata; the database backend's bytes go with it (on delete cascade). */
export async function deleteStoredFile(db: DbExecutor, id: string): Promise<void> {
  await db.execute(sql`delete from stored_files where id = ${id}::uuid`);
}

export async function insertFileContent(db: DbExecutor, fileId: string, content: Buffer): Promise<void> {
  await db.execute(sql`insert into stored_file_contents (file_id, content) values (${fileId}::uuid, ${content})`);
}

export async function selectFileContent(db: DbExecutor, fileId: string): Promise<Buffer | null> {
  const result = await db.execute<{ content: Buffer }>(sql`select content from stored_file_contents where file_id = ${fileId}::uuid`);
  return result.rows[0]?.content ?? null;
}

export async function deleteFileContent(db: DbExecutor, fileId: string): Promise<void> {
  await db.execute(sql`delete from stored_file_contents where file_id = ${fileId}::uuid`);
}
