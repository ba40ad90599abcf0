import type { TStoredFile } from '../../../common/contracts/files';
import { recordAccess } from '../audit/audit';
import { notFound } from '../errors/app-error';
import type { UseCaseContext } from '../use-case';
import { databaseFileContents, type FileContents } from './file-contents';
import { assertMayReadFiles } from './file-access';
import type { FileOwners } from './file-owners';
import { selectStoredFile } from './files.repository';

/**
 * A file and its bytes, for whoever the record's owner module lets read the record's files; anyone else gets 404, as
 * for a file that does not exist. Downloads of an owner marked sensitive leave a `read` entry in the audit log.
 */
export async function readFile(context: UseCaseContext, owners: FileOwners, id: string, contents: FileContents = databaseFileContents): Promise<{ file: TStoredFile; content: Buffer }> {
  const file = await selectStoredFile(context.db.orm, id);
  if (!file) throw notFound('file', id);
  const owner = await assertMayReadFiles(context, owners, file.owner, file.recordId, () => notFound('file', id));
  const content = await contents.get(context.db.orm, id);
  if (!content) throw notFound('file', id);
  if (owner.isSensitive) {
    await recordAccess(context, { action: 'files.download-file', entityType: 'file', entityId: id, details: { owner: file.owner, recordId: file.recordId, name: file.name } });
  }
  return { file, content };
}
