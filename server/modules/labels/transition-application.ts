import { randomBytes } from 'node:crypto';
import { ZApplicationTransition, type TApplicationTransition, type TLabelApplication } from '../../../common/contracts/labels';
import { APPLICATION_TRANSITIONS, awardValidity, canTakeAction, evaluateAward, type AwardProblem } from '../../../common/domain/labels';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import type { OrmTransaction } from '../../platform/db/database';
import { AppError, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { loadApplication, type LoadedApplication } from './application-access';
import { labelError } from './labels.errors';
import { LabelActions } from './labels.policy';
import { extendAward, insertAward, selectAward, selectDecisions, selectEvidence, updateApplicationStatus } from './labels.repository';
import { presentApplication } from './present-application';
import { todayInItaly } from '../../../common/domain/calendar';

/** A public code nobody can guess: 120 random bits, URL-safe. */
export const newPublicCode = (): string => randomBytes(15).toString('base64url');

const problemField = (problem: AwardProblem): { path: string; message: string } =>
  problem.code === 'below_threshold'
    ? { path: 'thresholdScore', message: `the score ${problem.totalScore} is below the threshold ${problem.thresholdScore}` }
    : { path: `criteria.${problem.criterionId}`, message: problem.code === 'not_assessed' ? 'not assessed yet' : 'mandatory criterion not met' };

/**
 * Moves an application along its lifecycle (common/domain/labels.ts APPLICATION_TRANSITIONS): the applicant submits
 * (with evidence for every criterion) or withdraws; the scheme's managers reject (with a reason) or award. Awarding
 * passes the award rule (every mandatory criterion met, the score reaching the threshold; else 409 naming each
 * failing criterion) and gives the label its validity and public code; a renewal extends the label it names, which
 * keeps its code (embedded badges keep working).
 */
export async function transitionApplication(context: UseCaseContext, applicationId: string, rawInput: TApplicationTransition): Promise<TLabelApplication> {
  const input = parseInput(ZApplicationTransition, rawInput);
  assertCan(context.actor, LabelActions['labels.read-schemes']);
  const transition = APPLICATION_TRANSITIONS[input.action];
  return inTransaction(context, async (tx) => {
    const loaded = await loadApplication(tx, context, applicationId, { forUpdate: true });
    assertCan(context.actor, LabelActions[transition.by === 'applicant' ? 'labels.act-as-applicant' : 'labels.manage-application'], loaded.facts);
    const { application } = loaded;
    if (application.version !== input.version) throw staleVersion('label_application', applicationId, input.version, application.version);
    if (!canTakeAction(application.status, input.action)) {
      throw labelError('LABELS.FORBIDDEN_TRANSITION', 'action', `an application ${application.status} cannot be ${transition.to}`, { from: application.status, action: input.action });
    }
    if (transition.reasonRequired && !input.reason) throw labelError('LABELS.REASON_REQUIRED', 'reason', `a reason is required to ${input.action}`);
    if (input.action === 'submit') {
      const evidence = await selectEvidence(tx, applicationId);
      const missing = loaded.criteria.filter((criterion) => !evidence.get(criterion.id)?.trim());
      if (missing.length > 0) {
        throw new AppError('LABELS.EVIDENCE_MISSING', `evidence missing for ${missing.length} criteria`, { fields: missing.map((criterion) => ({ path: `evidence.${criterion.id}`, message: 'evidence missing' })) });
      }
    }
    const award = input.action === 'award' ? await awardLabel(tx, loaded) : null;
    await updateApplicationStatus(tx, applicationId, input.version, {
      status: transition.to,
      submitted: input.action === 'submit',
      decided: input.action === 'award' || input.action === 'reject',
      reason: input.reason,
    });
    await recordAudit(tx, context, {
      action: input.action === 'award' ? 'labels.award-label' : 'labels.transition-application',
      entityType: 'label_application',
      entityId: applicationId,
      before: { status: application.status },
      after: { status: transition.to, action: input.action, reason: input.reason, ...(award ? { award } : {}) },
    });
    return presentApplication(tx, context, await loadApplication(tx, context, applicationId));
  });
}

async function awardLabel(tx: OrmTransaction, loaded: LoadedApplication): Promise<{ awardId: string; validFrom: string; validUntil: string; renewed: boolean }> {
  const { application, scheme, criteria } = loaded;
  const check = evaluateAward(criteria, await selectDecisions(tx, application.id), scheme.thresholdScore);
  if (!check.passed) {
    throw new AppError('LABELS.AWARD_RULE_NOT_MET', `the award rule is not met: ${check.problems.map((problem) => problem.code).join(', ')}`, { problems: check.problems, fields: check.problems.map(problemField) });
  }
  const today = todayInItaly();
  if (application.renewsAwardId !== null) {
    const renewed = await selectAward(tx, application.renewsAwardId, { forUpdate: true });
    if (!renewed || renewed.revokedOn !== null) throw labelError('LABELS.RENEWAL_MISMATCH', 'renewsAwardId', 'the label this application renews was revoked');
    const validity = awardValidity(today, scheme.validityMonths, renewed);
    // Renewed while still valid: labelled without a break since the first award. After a gap: since today.
    const validFrom = renewed.validUntil >= today ? renewed.validFrom : validity.validFrom;
    await extendAward(tx, renewed.id, { applicationId: application.id, validFrom, validUntil: validity.validUntil });
    return { awardId: renewed.id, validFrom, validUntil: validity.validUntil, renewed: true };
  }
  const validity = awardValidity(today, scheme.validityMonths, null);
  const awardId = await insertAward(tx, { schemeId: scheme.id, organizationId: application.organizationId, applicationId: application.id, publicCode: newPublicCode(), ...validity });
  return { awardId, ...validity, renewed: false };
}
