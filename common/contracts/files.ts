import { z } from 'zod';
import { zInt } from './integers';

/**
 * Attachments (server/platform/files, ADR 0027): one store for every module; the record a file belongs to is named by
 * its owner (`<module>.<record kind>`, declared by the module that owns the record and decides who reads and attaches)
 * and the record's id.
 */
export const FILE_OWNER_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;
export const FILE_RECORD_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

export const ZFileOwner = z.string().max(100).regex(FILE_OWNER_PATTERN, 'must be <module>.<record kind>');
export const ZFileRecordId = z.string().regex(FILE_RECORD_ID_PATTERN, 'must be a record id (letters, digits, - and _)');

export const ZStoredFile = z.object({
  id: z.string(),
  owner: z.string(),
  recordId: z.string(),
  /** The sanitized name, with the extension of its real type. */
  name: z.string(),
  /** Decided by the content, never by the name or the browser's claim. */
  mediaType: z.string(),
  sizeBytes: zInt(),
  /** Hex SHA-256 of the content: whoever downloads it may check it is the file that was attached. */
  sha256: z.string(),
  createdAt: z.string(),
});
export type TStoredFile = z.infer<typeof ZStoredFile>;

export const ZStoredFileList = z.object({ items: z.array(ZStoredFile) });
export type TStoredFileList = z.infer<typeof ZStoredFileList>;

export const ZFileIdParams = z.strictObject({ id: z.uuid() });
export const ZFileRecordParams = z.strictObject({ owner: ZFileOwner, recordId: ZFileRecordId });
