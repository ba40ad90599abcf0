import type { TLabelApplication, TLabelAward } from '../../../common/contracts/labels';
import { actionsFrom, evaluateAward, isAssessable, isEvidenceEditable, labelState } from '../../../common/domain/labels';
import { can } from '../../platform/access/policy';
import { peopleByIds } from '../../platform/auth/people';
import type { DbExecutor } from '../../platform/db/database';
import type { UseCaseContext } from '../../platform/use-case';
import type { LoadedApplication } from './application-access';
import { LabelActions } from './labels.policy';
import { selectAwardOfApplication, selectDecisions, selectEvidence, selectTie, type AwardRow } from './labels.repository';
import { actorUserId, organizationIdsOf } from '../../platform/access/actor';
import { todayInItaly } from '../../../common/domain/calendar';

export function presentAward(award: AwardRow, today: string): TLabelAward {
  return {
    id: award.id,
    publicCode: award.publicCode,
    validFrom: award.validFrom,
    validUntil: award.validUntil,
    revokedOn: award.revokedOn,
    revocationReason: award.revocationReason,
    state: labelState(award, today),
  };
}

/** An application as its reader sees it: evidence and decisions per criterion, the award rule's check, what they may do. */
export async function presentApplication(db: DbExecutor, context: UseCaseContext, loaded: LoadedApplication): Promise<TLabelApplication> {
  const { application, scheme, criteria, facts } = loaded;
  const evidence = await selectEvidence(db, application.id);
  const decisions = await selectDecisions(db, application.id);
  const people = await peopleByIds(db, decisions.flatMap((decision) => (decision.assessorUserId ? [decision.assessorUserId] : [])));
  const award = await selectAwardOfApplication(db, application.id);
  const isApplicant = can(context.actor, LabelActions['labels.act-as-applicant'], facts);
  const isManager = can(context.actor, LabelActions['labels.manage-application'], facts);
  const isNamedAssessor = can(context.actor, LabelActions['labels.assess'], facts);
  // The same tie assess-criterion.ts refuses, told beforehand so the assessor reads why instead of a refused form.
  const tie = isNamedAssessor ? await selectTie(db, actorUserId(context.actor)!, organizationIdsOf(context.actor), application.organizationId) : null;
  return {
    id: application.id,
    schemeId: scheme.id,
    schemeName: scheme.name,
    organizationId: application.organizationId,
    organizationName: application.organizationName,
    status: application.status,
    renewsAwardId: application.renewsAwardId,
    submittedAt: application.submittedAt,
    decidedAt: application.decidedAt,
    decisionReason: application.decisionReason,
    version: application.version,
    thresholdScore: scheme.thresholdScore,
    criteria: criteria.map(({ schemeId: _schemeId, ...criterion }) => {
      const decision = decisions.find((candidate) => candidate.criterionId === criterion.id);
      return {
        ...criterion,
        evidence: evidence.get(criterion.id) ?? null,
        decision: decision
          ? { met: decision.met, score: decision.score, note: decision.note, assessorName: decision.assessorUserId ? (people.get(decision.assessorUserId)?.name ?? '') : '', decidedAt: decision.decidedAt }
          : null,
      };
    }),
    check: evaluateAward(criteria, decisions, scheme.thresholdScore),
    award: award ? presentAward(award, todayInItaly()) : null,
    access: {
      canEditEvidence: isApplicant && isEvidenceEditable(application.status),
      canAssess: isNamedAssessor && tie === null && isAssessable(application.status),
      conflictOfInterest: tie?.kind ?? null,
      actions: [...(isApplicant ? actionsFrom(application.status, 'applicant') : []), ...(isManager ? actionsFrom(application.status, 'manager') : [])],
    },
  };
}
