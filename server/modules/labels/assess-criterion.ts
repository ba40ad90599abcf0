import { ZDecisionSave, type TDecisionSave, type TLabelApplication } from '../../../common/contracts/labels';
import { decisionProblem, isAssessable } from '../../../common/domain/labels';
import { actorUserId, organizationIdsOf } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { loadApplication } from './application-access';
import { labelError } from './labels.errors';
import { LabelActions } from './labels.policy';
import { selectDecisions, selectTie, touchApplication, upsertDecision } from './labels.repository';
import { presentApplication } from './present-application';

/**
 * An assessor named by the scheme decides one criterion of a submitted application: met or not (mandatory) or a score
 * (scored), with a note. Conflict of interest: an assessor who holds a role on the applicant organization (an account's
 * grant or a role in the registry) or on an organization in a confirmed, current relationship with it cannot assess
 * it (409 naming the tie).
 */
export async function assessCriterion(context: UseCaseContext, applicationId: string, criterionId: string, rawInput: TDecisionSave): Promise<TLabelApplication> {
  const input = parseInput(ZDecisionSave, rawInput);
  assertCan(context.actor, LabelActions['labels.read-schemes']);
  return inTransaction(context, async (tx) => {
    const loaded = await loadApplication(tx, context, applicationId, { forUpdate: true });
    assertCan(context.actor, LabelActions['labels.assess'], loaded.facts);
    const assessorUserId = actorUserId(context.actor)!;
    const tie = await selectTie(tx, assessorUserId, organizationIdsOf(context.actor), loaded.application.organizationId);
    if (tie) {
      throw labelError('LABELS.CONFLICT_OF_INTEREST', 'criterionId', tie.kind === 'membership' ? 'the assessor belongs to the applicant organization' : 'the assessor belongs to an organization related to the applicant', { tie });
    }
    const criterion = loaded.criteria.find((candidate) => candidate.id === criterionId);
    if (!criterion) throw labelError('LABELS.UNKNOWN_CRITERION', 'criterionId', "not a criterion of the application's scheme");
    if (!isAssessable(loaded.application.status)) throw labelError('LABELS.NOT_ASSESSABLE', 'criterionId', `the application is ${loaded.application.status}, not submitted`);
    const problem = decisionProblem(criterion, input);
    if (problem) throw labelError('LABELS.INVALID_DECISION', problem.field, problem.problem);
    const before = (await selectDecisions(tx, applicationId)).find((decision) => decision.criterionId === criterionId) ?? null;
    await upsertDecision(tx, applicationId, criterionId, { assessorUserId, met: input.met, score: input.score, note: input.note });
    await touchApplication(tx, applicationId);
    await recordAudit(tx, context, { action: 'labels.decide-criterion', entityType: 'label_application', entityId: applicationId, before, after: { criterionId, ...input } });
    return presentApplication(tx, context, await loadApplication(tx, context, applicationId));
  });
}
