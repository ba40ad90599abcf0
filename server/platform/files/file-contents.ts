import type { DbExecutor } from '../db/database';
import { deleteFileContent, insertFileContent, selectFileContent } from './files.repository';

/**
 * Where a file's bytes live, apart from what the file is (stored_files). Only the database backend exists (ADR 0027):
 * one backup holds everything and every app process reads the same bytes. An S3-compatible backend would implement
 * this interface (put before the metadata commits, remove after; orphans swept by a job) and be chosen by
 * configuration; stored_files.storage says which backend holds each file.
 */
export interface FileContents {
  readonly storage: 'database';
  /** Keeps the bytes of a file whose metadata row `tx` just inserted. */
  put(tx: DbExecutor, fileId: string, content: Buffer): Promise<void>;
  /** The bytes, or null when the backend has none for the file. */
  get(db: DbExecutor, fileId: string): Promise<Buffer | null>;
  remove(tx: DbExecutor, fileId: string): Promise<void>;
}

/** The bytes in stored_file_contents (bytea), written in the caller's transaction. */
export const databaseFileContents: FileContents = {
  storage: 'database',
  put: insertFileContent,
  get: selectFileContent,
  remove: deleteFileContent,
};
