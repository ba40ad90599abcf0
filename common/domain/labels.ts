/**
 * Social quality labels (issue 17): vocabulary and pure rules shared by the server and the web app — the application
 * lifecycle as data (like the referral state machine in matching.ts), the award rule (every mandatory criterion met,
 * the score reaching the threshold) and an awarded label's state on a given day (valid, expired or revoked).
 */
import { addDays, addMonths } from './calendar';

export const CRITERION_KINDS = ['mandatory', 'scored'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export const APPLICATION_STATUSES = ['draft', 'submitted', 'awarded', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** What an application's transitions ask: the applicant (its organization's admins) or the scheme's managers. */
export const APPLICATION_ACTIONS = ['submit', 'withdraw', 'reject', 'award'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/**
 * The application state machine: from which states an action is allowed, where it leads, who takes it and whether a
 * reason is required. Awarding is the scheme managers' and passes the award rule too (evaluateAward).
 */
export const APPLICATION_TRANSITIONS: Record<ApplicationAction, { from: readonly ApplicationStatus[]; to: ApplicationStatus; by: 'applicant' | 'manager'; reasonRequired: boolean }> = {
  submit: { from: ['draft'], to: 'submitted', by: 'applicant', reasonRequired: false },
  withdraw: { from: ['draft', 'submitted'], to: 'withdrawn', by: 'applicant', reasonRequired: false },
  reject: { from: ['submitted'], to: 'rejected', by: 'manager', reasonRequired: true },
  award: { from: ['submitted'], to: 'awarded', by: 'manager', reasonRequired: false },
};

/** States with an outcome: nothing changes any more. */
export const APPLICATION_CLOSED_STATUSES: readonly ApplicationStatus[] = ['awarded', 'rejected', 'withdrawn'];

/** Whether `action` may be taken on an application in `status`. */
export function canTakeAction(status: ApplicationStatus, action: ApplicationAction): boolean {
  return APPLICATION_TRANSITIONS[action].from.includes(status);
}

/** The actions the applicant or a manager may take from `status`. */
export function actionsFrom(status: ApplicationStatus, by: 'applicant' | 'manager'): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter((action) => APPLICATION_TRANSITIONS[action].by === by && canTakeAction(status, action));
}

/** Evidence is written and changed only while the application is a draft; assessors decide only once it is submitted. */
export const isEvidenceEditable = (status: ApplicationStatus): boolean => status === 'draft';
export const isAssessable = (status: ApplicationStatus): boolean => status === 'submitted';

export const LABEL_NAME_MAX = 200;
export const LABEL_TEXT_MAX = 5000;
export const CRITERIA_MAX = 50;
export const CRITERION_SCORE_MAX = 100;
export const VALIDITY_MONTHS_MAX = 120;

export interface AwardCriterion {
  id: string;
  kind: CriterionKind;
  /** Scored criteria only. */
  maxScore: number | null;
}

export interface CriterionDecision {
  criterionId: string;
  /** Mandatory criteria: met or not. */
  met: boolean | null;
  /** Scored criteria: 0…maxScore. */
  score: number | null;
}

export type AwardProblem =
  | { code: 'not_assessed'; criterionId: string }
  | { code: 'mandatory_not_met'; criterionId: string }
  | { code: 'below_threshold'; totalScore: number; thresholdScore: number };

export interface AwardCheck {
  passed: boolean;
  totalScore: number;
  maxTotalScore: number;
  problems: AwardProblem[];
}

/**
 * The award rule: every criterion decided, every mandatory criterion met, and the scored criteria's total reaching
 * the scheme's threshold. Every problem is listed (not only the first), so the refusal names what fails.
 */
export function evaluateAward(criteria: readonly AwardCriterion[], decisions: readonly CriterionDecision[], thresholdScore: number): AwardCheck {
  const byCriterion = new Map(decisions.map((decision) => [decision.criterionId, decision]));
  const problems: AwardProblem[] = [];
  let totalScore = 0;
  let maxTotalScore = 0;
  for (const criterion of criteria) {
    const decision = byCriterion.get(criterion.id);
    if (criterion.kind === 'mandatory') {
      if (!decision || decision.met === null) problems.push({ code: 'not_assessed', criterionId: criterion.id });
      else if (!decision.met) problems.push({ code: 'mandatory_not_met', criterionId: criterion.id });
    } else {
      maxTotalScore += criterion.maxScore ?? 0;
      if (!decision || decision.score === null) problems.push({ code: 'not_assessed', criterionId: criterion.id });
      else totalScore += Math.min(decision.score, criterion.maxScore ?? 0);
    }
  }
  if (totalScore < thresholdScore) problems.push({ code: 'below_threshold', totalScore, thresholdScore });
  return { passed: problems.length === 0, totalScore, maxTotalScore, problems };
}

/** What a decision on a criterion must carry: `met` for a mandatory one, a `score` within 0…maxScore for a scored one. */
export function decisionProblem(criterion: AwardCriterion, decision: { met?: boolean | null; score?: number | null }): { field: 'met' | 'score'; problem: string } | null {
  if (criterion.kind === 'mandatory') {
    if (decision.met === undefined || decision.met === null) return { field: 'met', problem: 'a mandatory criterion is met or not' };
    if (decision.score !== undefined && decision.score !== null) return { field: 'score', problem: 'a mandatory criterion has no score' };
    return null;
  }
  if (decision.score === undefined || decision.score === null) return { field: 'score', problem: 'a scored criterion needs a score' };
  if (decision.score < 0 || decision.score > (criterion.maxScore ?? 0)) return { field: 'score', problem: `must be between 0 and ${criterion.maxScore ?? 0}` };
  if (decision.met !== undefined && decision.met !== null) return { field: 'met', problem: 'a scored criterion is scored, not met' };
  return null;
}

export const LABEL_STATES = ['valid', 'expired', 'revoked'] as const;
export type LabelState = (typeof LABEL_STATES)[number];

/** An awarded label's state on `today` (ISO dates): revoked whatever the dates; expired after its last valid day. */
export function labelState(award: { validUntil: string; revokedOn: string | null }, today: string): LabelState {
  if (award.revokedOn !== null) return 'revoked';
  return today > award.validUntil ? 'expired' : 'valid';
}

/** Adds whole months to an ISO date, the day clamped to the target month's length (31 Jan + 1 month = 28/29 Feb). */
/**
 * The validity of an award: a first award (or a renewal of an expired label) runs from `today`; a renewal of a label
 * still valid extends it from the day after its last valid day, so no day is lost or counted twice. The last valid
 * day is the day before the same date `validityMonths` later.
 */
export function awardValidity(today: string, validityMonths: number, renewed: { validUntil: string } | null): { validFrom: string; validUntil: string } {
  const validFrom = renewed && renewed.validUntil >= today ? addDays(renewed.validUntil, 1) : today;
  return { validFrom, validUntil: addDays(addMonths(validFrom, validityMonths), -1) };
}

/** Days before the last valid day when the label's organization is reminded to renew. */
export const EXPIRY_REMINDER_DAYS = 60;

/** Whether a label is due its expiry reminder on `today`: valid, and its last day within EXPIRY_REMINDER_DAYS. */
export function isReminderDue(award: { validUntil: string; revokedOn: string | null }, today: string): boolean {
  return labelState(award, today) === 'valid' && award.validUntil <= addDays(today, EXPIRY_REMINDER_DAYS);
}
