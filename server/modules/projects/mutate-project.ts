import type { TProject } from '../../../common/contracts/projects';
import type { AuditAction } from '../../../common/contracts/audit-action-catalog';
import { assertCan, can } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import type { OrmTransaction } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { presentProject, todayIso } from './present-project';
import { ProjectActions, type ProjectAccessFacts } from './projects.policy';
import { selectAccessFacts, selectProject, touchProject, type ProjectRow } from './projects.repository';

export interface Mutation {
  tx: OrmTransaction;
  project: ProjectRow;
  facts: ProjectAccessFacts;
  today: string;
}

/**
 * Every write to a project goes through here: in one transaction, the project is locked, a caller who may not read
 * it gets 404, `authorize` decides (deny by default), `work` writes and returns the audit entry's before/after, the
 * project's version, updated_at and money totals follow, and the answer is the project as the caller now sees it.
 * Anything thrown rolls the whole write back: a refused request changes nothing.
 */
export async function mutateProject(
  context: UseCaseContext,
  projectId: string,
  action: AuditAction,
  authorize: (facts: ProjectAccessFacts) => boolean,
  work: (mutation: Mutation) => Promise<{ entityType?: string; entityId?: string; before?: unknown; after?: unknown }>,
): Promise<TProject> {
  assertCan(context.actor, ProjectActions['projects.read-public']);
  return inTransaction(context, async (tx) => {
    const project = await selectProject(tx, projectId, { forUpdate: true });
    if (!project) throw notFound('project', projectId);
    const today = todayIso();
    const facts = await selectAccessFacts(tx, projectId, today);
    // Not allowed: a 403 (the project itself is public, so its existence is no secret).
    if (!authorize(facts)) throw new AppError('ACCESS.FORBIDDEN', `You are not allowed to ${action}`, { action });
    const entry = await work({ tx, project, facts, today });
    await touchProject(tx, projectId);
    await recordAudit(tx, context, { action, entityType: entry.entityType ?? 'project', entityId: entry.entityId ?? projectId, before: entry.before ?? null, after: { projectId, ...(entry.after as object | undefined) } });
    const after = (await selectProject(tx, projectId))!;
    return presentProject(tx, context, after, await selectAccessFacts(tx, projectId, today));
  });
}

export const canEditProject = (context: UseCaseContext) => (facts: ProjectAccessFacts) => can(context.actor, ProjectActions['projects.edit'], facts);
export const canEditPart = (context: UseCaseContext, organizationId: string | null) => (facts: ProjectAccessFacts) =>
  can(context.actor, ProjectActions['projects.edit-own-part'], { facts, organizationId });
