import { ZEvidenceSave, type TEvidenceSave, type TLabelApplication } from '../../../common/contracts/labels';
import { isEvidenceEditable } from '../../../common/domain/labels';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { loadApplication } from './application-access';
import { labelError } from './labels.errors';
import { LabelActions } from './labels.policy';
import { touchApplication, upsertEvidence } from './labels.repository';
import { presentApplication } from './present-application';

/**
 * The applicant writes its evidence for one criterion (files go through the platform's file routes, owner
 * `labels.application`): only while the application is a draft, so assessors judge what was submitted.
 */
export async function saveEvidence(context: UseCaseContext, applicationId: string, criterionId: string, rawInput: TEvidenceSave): Promise<TLabelApplication> {
  const input = parseInput(ZEvidenceSave, rawInput);
  assertCan(context.actor, LabelActions['labels.read-schemes']);
  return inTransaction(context, async (tx) => {
    const loaded = await loadApplication(tx, context, applicationId, { forUpdate: true });
    assertCan(context.actor, LabelActions['labels.act-as-applicant'], loaded.facts);
    if (!loaded.criteria.some((criterion) => criterion.id === criterionId)) throw labelError('LABELS.UNKNOWN_CRITERION', 'criterionId', "not a criterion of the application's scheme");
    if (!isEvidenceEditable(loaded.application.status)) throw labelError('LABELS.NOT_EDITABLE', 'text', `the application is ${loaded.application.status}: its evidence no longer changes`);
    const before = await upsertEvidence(tx, applicationId, criterionId, input.text);
    await touchApplication(tx, applicationId);
    await recordAudit(tx, context, { action: 'labels.save-evidence', entityType: 'label_application', entityId: applicationId, before: { criterionId, text: before }, after: { criterionId, text: input.text } });
    return presentApplication(tx, context, await loadApplication(tx, context, applicationId));
  });
}
