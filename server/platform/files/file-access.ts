import { AppError, notFound } from '../errors/app-error';
import type { UseCaseContext } from '../use-case';
import type { FileOwner, FileOwners } from './file-owners';

/**
 * The owner of `ownerName` when the actor may read the record's files; otherwise 404, whether the owner, the record
 * or the right is missing: a file nobody may see is answered as one that does not exist (deny by default).
 */
export async function assertMayReadFiles(
  context: UseCaseContext,
  owners: FileOwners,
  ownerName: string,
  recordId: string,
  missing: () => AppError = () => notFound('record', `${ownerName}/${recordId}`),
): Promise<FileOwner> {
  const owner = owners.get(ownerName);
  if (!owner || !(await owner.canRead(context, recordId))) throw missing();
  return owner;
}

/**
 * The owner of `ownerName` when the actor may attach or remove the record's files. Refused: 401 to an anonymous
 * visitor, 403 to someone who may see the record, 404 to anyone else (the record's existence stays hidden).
 */
export async function assertMayWriteFiles(context: UseCaseContext, owners: FileOwners, ownerName: string, recordId: string): Promise<FileOwner> {
  const owner = owners.get(ownerName);
  if (owner && (await owner.canWrite(context, recordId))) return owner;
  if (context.actor.kind === 'anonymous') throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to attach files', { action: 'files.write' });
  if (owner && (await owner.canRead(context, recordId))) {
    throw new AppError('ACCESS.FORBIDDEN', `You may not change the files of ${ownerName} ${recordId}`, { action: 'files.write' });
  }
  throw notFound('record', `${ownerName}/${recordId}`);
}
