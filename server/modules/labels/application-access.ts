import { can } from '../../platform/access/policy';
import type { DbExecutor } from '../../platform/db/database';
import { notFound } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { LabelActions, type ApplicationAccessFacts } from './labels.policy';
import { selectApplication, selectAssessorIds, selectCriteria, selectScheme, type ApplicationRow, type CriterionRow, type SchemeRow } from './labels.repository';

export interface LoadedApplication {
  application: ApplicationRow;
  scheme: SchemeRow;
  criteria: CriterionRow[];
  facts: ApplicationAccessFacts;
}

/**
 * An application with what decides access to it, or 404 for a caller who may not read it (its existence is no one
 * else's business). Locked for update when a write follows.
 */
export async function loadApplication(db: DbExecutor, context: UseCaseContext, applicationId: string, options: { forUpdate?: boolean } = {}): Promise<LoadedApplication> {
  const application = await selectApplication(db, applicationId, options);
  if (!application) throw notFound('label_application', applicationId);
  const scheme = (await selectScheme(db, application.schemeId))!;
  const assessorUserIds = (await selectAssessorIds(db, [scheme.id])).map((assessor) => assessor.userId);
  const facts: ApplicationAccessFacts = { districtId: scheme.districtId, organizationId: application.organizationId, assessorUserIds };
  if (!can(context.actor, LabelActions['labels.read-application'], facts)) throw notFound('label_application', applicationId);
  return { application, scheme, criteria: await selectCriteria(db, [scheme.id]), facts };
}
