import { can } from '../../platform/access/policy';
import type { FileOwner } from '../../platform/files/file-owners';
import { isEvidenceEditable } from '../../../common/domain/labels';
import { LabelActions } from './labels.policy';
import { selectApplication, selectAssessorIds, selectScheme } from './labels.repository';

/** Evidence files are attached to the application (ADR 0027): whoever reads it reads them; the applicant attaches them while it is a draft. */
export const LABEL_APPLICATION_FILE_OWNER = 'labels.application';

async function factsOf(context: Parameters<FileOwner['canRead']>[0], applicationId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(applicationId)) return null;
  const application = await selectApplication(context.db.orm, applicationId);
  if (!application) return null;
  const scheme = (await selectScheme(context.db.orm, application.schemeId))!;
  const assessorUserIds = (await selectAssessorIds(context.db.orm, [scheme.id])).map((assessor) => assessor.userId);
  return { application, facts: { districtId: scheme.districtId, organizationId: application.organizationId, assessorUserIds } };
}

export const applicationFileOwner: FileOwner = {
  name: LABEL_APPLICATION_FILE_OWNER,
  canRead: async (context, applicationId) => {
    const found = await factsOf(context, applicationId);
    return found !== null && can(context.actor, LabelActions['labels.read-application'], found.facts);
  },
  canWrite: async (context, applicationId) => {
    const found = await factsOf(context, applicationId);
    return found !== null && isEvidenceEditable(found.application.status) && can(context.actor, LabelActions['labels.act-as-applicant'], found.facts);
  },
  isSensitive: false,
};
