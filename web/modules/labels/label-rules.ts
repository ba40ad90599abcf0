import type { TLabelApplication, TLabelSchemeCreate } from '../../../common/contracts/labels';

/**
 * Pure rules of the label pages (the server decides again): the new scheme's problems field by field, the scored
 * criteria's total against the threshold, the validity in years and months, and the words of each status.
 */

/** A criterion row of the new-scheme form, as typed (the points are text until sent). */
export interface CriterionDraft {
  description: string;
  evidenceRequired: string;
  kind: 'mandatory' | 'scored';
  maxScore: string;
}

export interface SchemeDraft {
  districtId: string;
  name: string;
  description: string;
  criteria: CriterionDraft[];
  thresholdScore: string;
  validityMonths: string;
  assessorUserIds: string[];
}

export type SchemeProblem = 'required' | 'wholeNumber' | 'scoreRange' | 'monthsRange' | 'thresholdUnreachable' | 'assessorRequired';

const isWhole = (text: string) => /^\d+$/.test(text.trim());

/** The sum of the scored criteria's maximum points of a draft (rows whose points are not yet a number count 0). */
export function draftMaxTotal(criteria: readonly CriterionDraft[]): number {
  return criteria.reduce((total, criterion) => total + (criterion.kind === 'scored' && isWhole(criterion.maxScore) ? Number(criterion.maxScore) : 0), 0);
}

/** What is wrong with a new scheme, by field path as the server names them (`criteria.0.maxScore`). */
export function schemeDraftProblems(draft: SchemeDraft): Record<string, SchemeProblem> {
  const problems: Record<string, SchemeProblem> = {};
  if (draft.name.trim() === '') problems.name = 'required';
  draft.criteria.forEach((criterion, index) => {
    if (criterion.description.trim() === '') problems[`criteria.${index}.description`] = 'required';
    if (criterion.kind === 'scored') {
      if (!isWhole(criterion.maxScore)) problems[`criteria.${index}.maxScore`] = 'wholeNumber';
      else if (Number(criterion.maxScore) < 1 || Number(criterion.maxScore) > 100) problems[`criteria.${index}.maxScore`] = 'scoreRange';
    }
  });
  if (!isWhole(draft.validityMonths)) problems.validityMonths = 'wholeNumber';
  else if (Number(draft.validityMonths) < 1 || Number(draft.validityMonths) > 120) problems.validityMonths = 'monthsRange';
  const threshold = draft.thresholdScore.trim() === '' ? '0' : draft.thresholdScore;
  if (!isWhole(threshold)) problems.thresholdScore = 'wholeNumber';
  else if (Number(threshold) > draftMaxTotal(draft.criteria)) problems.thresholdScore = 'thresholdUnreachable';
  if (draft.assessorUserIds.length === 0) problems.assessorUserIds = 'assessorRequired';
  return problems;
}

/** The request body of a draft without problems. */
export function schemeRequestOf(draft: SchemeDraft): TLabelSchemeCreate {
  return {
    districtId: draft.districtId === '' ? null : draft.districtId,
    name: draft.name.trim(),
    description: draft.description.trim(),
    criteria: draft.criteria.map((criterion) => ({
      description: criterion.description.trim(),
      evidenceRequired: criterion.evidenceRequired.trim(),
      kind: criterion.kind,
      maxScore: criterion.kind === 'scored' ? Number(criterion.maxScore) : null,
    })),
    thresholdScore: draft.thresholdScore.trim() === '' ? 0 : Number(draft.thresholdScore),
    validityMonths: Number(draft.validityMonths),
    assessorUserIds: draft.assessorUserIds,
  };
}

/** A validity in months as whole years and the months left (30 → 2 years and 6 months), for the words. */
export function validityParts(months: number): { years: number; months: number } {
  return { years: Math.floor(months / 12), months: months % 12 };
}

/**
 * Where an application stands against the award rule, as the page says it: the points given so far over the
 * maximum, whether they reach the threshold, how many criteria are still to decide and how many mandatory ones failed.
 */
export function scoreSummary(application: Pick<TLabelApplication, 'criteria' | 'thresholdScore'>): { totalScore: number; maxTotalScore: number; thresholdScore: number; reachesThreshold: boolean; undecided: number; mandatoryNotMet: number } {
  let totalScore = 0;
  let maxTotalScore = 0;
  let undecided = 0;
  let mandatoryNotMet = 0;
  for (const criterion of application.criteria) {
    if (criterion.kind === 'scored') {
      maxTotalScore += criterion.maxScore ?? 0;
      if (criterion.decision?.score === null || criterion.decision?.score === undefined) undecided += 1;
      else totalScore += Math.min(criterion.decision.score, criterion.maxScore ?? 0);
    } else if (criterion.decision?.met === null || criterion.decision?.met === undefined) undecided += 1;
    else if (!criterion.decision.met) mandatoryNotMet += 1;
  }
  return { totalScore, maxTotalScore, thresholdScore: application.thresholdScore, reachesThreshold: totalScore >= application.thresholdScore, undecided, mandatoryNotMet };
}

/** The badge colour of an application's status (its words are in the texts, `applicationStatuses.<status>`). */
export const APPLICATION_STATUS_COLORS = { draft: 'secondary', submitted: 'primary', awarded: 'success', rejected: 'danger', withdrawn: 'secondary' } as const;

/** The embed code of a label's badge: the picture, linking to the verification page (absolute, for another site). */
export function badgeSnippet(origin: string, verificationPath: string, badgePath: string, alt: string): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<a href="${escape(origin + verificationPath)}"><img src="${escape(origin + badgePath)}" alt="${escape(alt)}"></a>`;
}
