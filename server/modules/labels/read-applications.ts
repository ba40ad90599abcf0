import type { TLabelApplication, TLabelApplicationList } from '../../../common/contracts/labels';
import { actorUserId, coordinatedDistrictIdsOf, isPlatformAdmin, organizationIdsOf } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { loadApplication } from './application-access';
import { LabelActions } from './labels.policy';
import { selectApplications } from './labels.repository';
import { presentApplication } from './present-application';

/** One application, for its organization's people, its scheme's managers and assessors (404 for anyone else). */
export async function getApplication(context: UseCaseContext, applicationId: string): Promise<TLabelApplication> {
  assertCan(context.actor, LabelActions['labels.read-schemes']);
  return presentApplication(context.db.orm, context, await loadApplication(context.db.orm, context, applicationId));
}

/** The applications the caller may read: their organizations', their districts' schemes', the schemes they assess. */
export async function listApplications(context: UseCaseContext): Promise<TLabelApplicationList> {
  assertCan(context.actor, LabelActions['labels.read-schemes']);
  const rows = await selectApplications(context.db.orm, {
    all: isPlatformAdmin(context.actor),
    organizationIds: organizationIdsOf(context.actor),
    districtIds: coordinatedDistrictIdsOf(context.actor),
    assessorUserId: actorUserId(context.actor),
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      schemeId: row.schemeId,
      schemeName: row.schemeName,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      status: row.status,
      submittedAt: row.submittedAt,
      decidedAt: row.decidedAt,
      version: row.version,
    })),
  };
}
