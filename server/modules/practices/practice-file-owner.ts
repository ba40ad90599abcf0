import type { FileOwner } from '../../platform/files/file-owners';
import { canReadPractice, canWritePractice } from './get-practice';

/**
 * Attachments of practices (server/platform/files, ADR 0027): read by whoever may read the practice (a public
 * practice's files are public), attached and removed by whoever may change it.
 */
export const practiceFileOwner: FileOwner = {
  name: 'practices.practice',
  canRead: canReadPractice,
  canWrite: canWritePractice,
};
