import type { TStoredFileList } from '../../../common/contracts/files';
import type { UseCaseContext } from '../use-case';
import { assertMayReadFiles } from './file-access';
import type { FileOwners } from './file-owners';
import { selectFilesOfRecord } from './files.repository';

/** The files attached to one record, oldest first, for whoever its owner module lets read them (else 404). */
export async function listRecordFiles(context: UseCaseContext, owners: FileOwners, owner: string, recordId: string): Promise<TStoredFileList> {
  await assertMayReadFiles(context, owners, owner, recordId);
  return { items: await selectFilesOfRecord(context.db.orm, owner, recordId) };
}
