import { PROJECT_FILE_OWNER } from '../../../common/contracts/projects';
import { can } from '../../platform/access/policy';
import type { FileOwner } from '../../platform/files/file-owners';
import { ProjectActions } from './projects.policy';
import { selectAccessFacts, selectProject } from './projects.repository';
import { todayIso } from './today';

/** Progress reports' files are attached to the project (ADR 0027): its members read them and attach them. */
export { PROJECT_FILE_OWNER };

async function isMember(context: Parameters<FileOwner['canRead']>[0], projectId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(projectId)) return false;
  if (!(await selectProject(context.db.orm, projectId))) return false;
  return can(context.actor, ProjectActions['projects.read-private'], await selectAccessFacts(context.db.orm, projectId, todayIso()));
}

export const projectFileOwner: FileOwner = {
  name: PROJECT_FILE_OWNER,
  canRead: isMember,
  canWrite: isMember,
  isSensitive: false,
};
