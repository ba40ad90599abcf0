import { recordAudit } from '../audit/audit';
import { notFound } from '../errors/app-error';
import { inTransaction, type UseCaseContext } from '../use-case';
import { databaseFileContents, type FileContents } from './file-contents';
import { assertMayReadFiles, assertMayWriteFiles } from './file-access';
import type { FileOwners } from './file-owners';
import { deleteStoredFile, selectStoredFile } from './files.repository';

/**
 * Removes a file from its record, for whoever the owner module lets change the record's files (a reader who may not
 * change them gets 403, anyone else 404). The audit entry keeps what the file was, its hash included.
 */
export async function deleteFile(context: UseCaseContext, owners: FileOwners, id: string, contents: FileContents = databaseFileContents): Promise<void> {
  const file = await selectStoredFile(context.db.orm, id);
  if (!file) throw notFound('file', id);
  await assertMayReadFiles(context, owners, file.owner, file.recordId, () => notFound('file', id));
  await assertMayWriteFiles(context, owners, file.owner, file.recordId);
  await inTransaction(context, async (tx) => {
    const before = await selectStoredFile(tx, id);
    if (!before) throw notFound('file', id);
    await contents.remove(tx, id);
    await deleteStoredFile(tx, id);
    await recordAudit(tx, context, { action: 'files.delete-file', entityType: 'file', entityId: id, before });
  });
}
