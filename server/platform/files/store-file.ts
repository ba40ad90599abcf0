import { createHash } from 'node:crypto';
import type { TStoredFile } from '../../../common/contracts/files';
import { nameForType, sanitizeFileName } from '../../../common/domain/files';
import { actorUserId } from '../access/actor';
import { recordAudit } from '../audit/audit';
import { AppError, fieldError } from '../errors/app-error';
import { inTransaction, type UseCaseContext } from '../use-case';
import { detectAllowedType } from './detect-file-type';
import { databaseFileContents, type FileContents } from './file-contents';
import { assertMayWriteFiles } from './file-access';
import type { FileOwners } from './file-owners';
import { insertStoredFile } from './files.repository';

export interface FileUpload {
  /** `<module>.<record kind>` of the record the file is attached to, and the record's id. */
  owner: string;
  recordId: string;
  /**
   * Reads the file, called only once the actor's right is checked (a refused request's body is never read): the name
   * the browser sent (sanitized and given the extension of its real type before it is stored) and the bytes.
   */
  receive: () => Promise<{ name: string; content: Buffer }>;
}

export function fileTooLarge(maxBytes: number): AppError {
  return new AppError('FILES.TOO_LARGE', `file: larger than the ${maxBytes} bytes allowed`, { maxBytes, fields: [{ path: 'file', message: `larger than ${maxBytes} bytes` }] });
}

/**
 * Attaches a file to a record: the record's owner module must let the actor write its files; the content must be of an
 * allowed type (decided by the bytes, never by the name: a PNG called .pdf is stored as .png, an executable or an HTML
 * page called .pdf is refused) and at most `maxBytes`; the name is sanitized; the SHA-256 is kept. Metadata, bytes and
 * the audit entry are written in one transaction, so a refused or failed upload leaves nothing behind.
 */
export async function storeFile(context: UseCaseContext, owners: FileOwners, upload: FileUpload, maxBytes: number, contents: FileContents = databaseFileContents): Promise<TStoredFile> {
  await assertMayWriteFiles(context, owners, upload.owner, upload.recordId);
  const received = await upload.receive();
  if (received.content.length > maxBytes) throw fileTooLarge(maxBytes);
  if (received.content.length === 0) throw fieldError('file', 'is empty');
  const { type, detected } = await detectAllowedType(received.content, received.name);
  if (!type) {
    throw new AppError('FILES.TYPE_REFUSED', `file: its content (${detected}) is not of a type the platform keeps`, { detected, fields: [{ path: 'file', message: `content of type ${detected} is not accepted` }] });
  }
  const name = sanitizeFileName(nameForType(sanitizeFileName(received.name), type));
  const sha256 = createHash('sha256').update(received.content).digest('hex');
  return inTransaction(context, async (tx) => {
    const file = await insertStoredFile(tx, {
      owner: upload.owner, recordId: upload.recordId, name, mediaType: type.mediaType, sizeBytes: received.content.length, sha256, createdBy: actorUserId(context.actor),
    });
    await contents.put(tx, file.id, received.content);
    await recordAudit(tx, context, {
      action: 'files.store-file', entityType: 'file', entityId: file.id,
      after: { owner: file.owner, recordId: file.recordId, name: file.name, sentName: received.name.slice(0, 300), mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256, storage: contents.storage },
    });
    return file;
  });
}
