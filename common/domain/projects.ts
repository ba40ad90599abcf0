/**
 * Co-designed projects (issue 16): vocabulary and pure rules shared by the server and the web app — the status
 * pipeline as data (like the referral state machine in matching.ts), the partnership rule check as data (so a funding
 * call can reuse it) and the budget arithmetic in integer cents (money.ts). docs/adr/0032-co-designed-projects.md.
 */

import { ORGANIZATION_KINDS, type OrganizationKind, type OrganizationSector } from './organizations';
import { allocate, moneyOfCents, sumMoney } from './money';

export const PROJECT_STRANDS = ['training', 'services', 'job_placement', 'housing', 'other'] as const;
export type ProjectStrand = (typeof PROJECT_STRANDS)[number];

export const PROJECT_STATUSES = ['idea', 'co_design', 'submitted', 'approved', 'running', 'evaluated', 'scaled_up', 'continued', 'stopped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const EVALUATION_DECISIONS = ['scale_up', 'continue', 'stop'] as const;
export type EvaluationDecision = (typeof EVALUATION_DECISIONS)[number];

/**
 * What a transition asks for besides its `to`: `evaluation` (leaving "running" records what was measured, the results
 * and the decision with its reasons), `decision` (the outcome must be the one the evaluation decided), `scaleUp`
 * (where the project is replicated, and the replica).
 */
export type TransitionRequirement = 'evaluation' | 'decision' | 'scaleUp';

export interface ProjectTransition {
  readonly from: ProjectStatus;
  readonly to: ProjectStatus;
  readonly requires: readonly TransitionRequirement[];
  /** For the outcomes of an evaluation: the decision that leads here. */
  readonly decision?: EvaluationDecision;
}

/** The pipeline: every allowed move, and nothing else. A move not in this list is refused with the field `to`. */
export const PROJECT_TRANSITIONS: readonly ProjectTransition[] = [
  { from: 'idea', to: 'co_design', requires: [] },
  { from: 'co_design', to: 'idea', requires: [] },
  { from: 'co_design', to: 'submitted', requires: [] },
  { from: 'submitted', to: 'co_design', requires: [] },
  { from: 'submitted', to: 'approved', requires: [] },
  { from: 'approved', to: 'running', requires: [] },
  { from: 'running', to: 'evaluated', requires: ['evaluation'] },
  { from: 'evaluated', to: 'scaled_up', requires: ['decision', 'scaleUp'], decision: 'scale_up' },
  { from: 'evaluated', to: 'continued', requires: ['decision'], decision: 'continue' },
  { from: 'evaluated', to: 'stopped', requires: ['decision'], decision: 'stop' },
  // A continued project runs again, and is evaluated again before it leaves "running".
  { from: 'continued', to: 'running', requires: [] },
];

/** The statuses a project may move to from `from`, in pipeline order. */
export function nextStatuses(from: ProjectStatus): ProjectStatus[] {
  return PROJECT_TRANSITIONS.filter((transition) => transition.from === from).map((transition) => transition.to);
}

export function transitionOf(from: ProjectStatus, to: ProjectStatus): ProjectTransition | null {
  return PROJECT_TRANSITIONS.find((transition) => transition.from === from && transition.to === to) ?? null;
}

export type TransitionProblem =
  | { field: 'to'; problem: 'forbidden' }
  | { field: 'evaluation'; problem: 'required' }
  | { field: 'to'; problem: 'decision_mismatch'; decision: EvaluationDecision | null }
  | { field: 'scaleUp'; problem: 'required' };

/**
 * Whether a move is allowed with what the request carries: the first problem, or null. `hasEvaluation` is whether
 * the request carries an evaluation record; `decision` is the decision of the project's latest evaluation.
 */
export function checkTransition(input: { from: ProjectStatus; to: ProjectStatus; hasEvaluation: boolean; decision: EvaluationDecision | null; hasScaleUp: boolean }): TransitionProblem | null {
  const transition = transitionOf(input.from, input.to);
  if (!transition) return { field: 'to', problem: 'forbidden' };
  if (transition.requires.includes('evaluation') && !input.hasEvaluation) return { field: 'evaluation', problem: 'required' };
  if (transition.requires.includes('decision') && transition.decision !== input.decision) return { field: 'to', problem: 'decision_mismatch', decision: input.decision };
  if (transition.requires.includes('scaleUp') && !input.hasScaleUp) return { field: 'scaleUp', problem: 'required' };
  return null;
}

/** Statuses in which partners still report: milestones, reports and beneficiaries are written while the project lives. */
export const PROJECT_ACTIVE_STATUSES: readonly ProjectStatus[] = ['approved', 'running', 'continued'];
/** Only a running project may mark the needs it answers. */
export const PROJECT_ANSWERING_STATUSES: readonly ProjectStatus[] = ['running'];

// ---------------------------------------------------------------------------------------------------------------
// Partnership

export const PARTNER_ROLES = ['lead', 'partner', 'funder', 'evaluator', 'supporter'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** One condition of a partnership rule, as data. Counts are over the partners active on the day of the check. */
export type PartnershipCondition =
  /** The lead (exactly one) is of one of these organization kinds. */
  | { code: string; type: 'lead_kind'; kinds: readonly OrganizationKind[] }
  /** At least `min` partners (any role, or only these roles) of these sectors or kinds. */
  | { code: string; type: 'min_partners'; min: number; sectors?: readonly OrganizationSector[]; kinds?: readonly OrganizationKind[]; roles?: readonly PartnerRole[] }
  /** Exactly one lead. */
  | { code: string; type: 'single_lead' };

export interface PartnershipRule {
  readonly code: string;
  readonly conditions: readonly PartnershipCondition[];
}

/**
 * The default rule (WeCaRe's co-designed projects): one lead, a social-services body (or a municipality acting as
 * one), at least one third-sector partner and one firm.
 */
export const DEFAULT_PARTNERSHIP_RULE: PartnershipRule = {
  code: 'co_designed_welfare',
  conditions: [
    { code: 'single_lead', type: 'single_lead' },
    { code: 'lead_social_services', type: 'lead_kind', kinds: ['social_services_body', 'municipality'] },
    { code: 'third_sector_partner', type: 'min_partners', min: 1, sectors: ['third_sector'] },
    { code: 'firm_partner', type: 'min_partners', min: 1, kinds: ['firm'] },
  ],
};

export interface PartnerForRule {
  role: PartnerRole;
  organizationKind: string;
  /** ISO date; null while the partner is in the partnership. */
  leftOn: string | null;
  joinedOn: string | null;
}

export interface ConditionResult {
  code: string;
  passed: boolean;
  /** How many active partners count towards it (the leads for lead conditions). */
  count: number;
}

function isActiveOn(partner: PartnerForRule, day: string): boolean {
  if (partner.joinedOn !== null && partner.joinedOn > day) return false;
  return partner.leftOn === null || partner.leftOn > day;
}

function sectorOf(kind: string): OrganizationSector | null {
  return (ORGANIZATION_KINDS as Record<string, OrganizationSector>)[kind] ?? null;
}

/** Which conditions of the rule the partnership passes on `day` (ISO date), condition by condition. */
export function checkPartnership(rule: PartnershipRule, partners: readonly PartnerForRule[], day: string): { passed: boolean; conditions: ConditionResult[] } {
  const active = partners.filter((partner) => isActiveOn(partner, day));
  const leads = active.filter((partner) => partner.role === 'lead');
  const conditions = rule.conditions.map((condition): ConditionResult => {
    switch (condition.type) {
      case 'single_lead':
        return { code: condition.code, passed: leads.length === 1, count: leads.length };
      case 'lead_kind': {
        const matching = leads.filter((lead) => (condition.kinds as readonly string[]).includes(lead.organizationKind));
        return { code: condition.code, passed: leads.length === 1 && matching.length === 1, count: matching.length };
      }
      case 'min_partners': {
        const counted = active.filter((partner) => {
          if (condition.roles && !condition.roles.includes(partner.role)) return false;
          const sector = sectorOf(partner.organizationKind);
          const bySector = !condition.sectors || (sector !== null && condition.sectors.includes(sector));
          const byKind = !condition.kinds || (condition.kinds as readonly string[]).includes(partner.organizationKind);
          return bySector && byKind;
        });
        return { code: condition.code, passed: counted.length >= condition.min, count: counted.length };
      }
    }
  });
  return { passed: conditions.every((condition) => condition.passed), conditions };
}

/** Shares of work are whole percentages; the active partners' shares add up to at most 100. */
export const WORK_SHARE_TOTAL_MAX = 100;

/** The total of the shares of work of the partners active on `day`. */
export function workShareTotal(partners: readonly (PartnerForRule & { workSharePercent: number })[], day: string): number {
  return partners.filter((partner) => isActiveOn(partner, day)).reduce((sum, partner) => sum + partner.workSharePercent, 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Budget

export const BUDGET_CATEGORIES = ['staff', 'services', 'equipment', 'training', 'other'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const FUNDING_KINDS = ['esf_plus', 'erdf', 'region', 'municipality', 'foundation', 'firm', 'social_impact_bond', 'crowdfunding', 'microcredit', 'own_funds'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

/**
 * The grant kinds: public funds that a call grants (EU funds, the region, the municipality). Everything else —
 * foundations, firms, bonds, crowdfunding, microcredit, the partners' own funds — is co-financing.
 */
export const GRANT_FUNDING_KINDS: readonly FundingKind[] = ['esf_plus', 'erdf', 'region', 'municipality'];
export function isCoFinancing(kind: FundingKind): boolean {
  return !GRANT_FUNDING_KINDS.includes(kind);
}

/** Basis points: 10 000 is 100 %. Shares are whole basis points, so 33,33 % + 33,33 % + 33,34 % show as they add. */
export const BASIS_POINTS_WHOLE = 10_000;

export interface BudgetLineForTotals {
  category: BudgetCategory;
  /** The partner organization the line belongs to; null for a line of the whole project. */
  organizationId: string | null;
  amountCents: number;
}

export interface FundingSourceForTotals {
  kind: FundingKind;
  committedCents: number;
  spentCents: number;
}

export interface BudgetTotals {
  budgetCents: number;
  committedCents: number;
  spentCents: number;
  /** Budget not yet covered by committed funding (negative when funding exceeds the budget). */
  uncoveredCents: number;
  coFinancingCents: number;
  /** Co-financing ÷ committed funding, in basis points (0 when nothing is committed). */
  coFinancingShareBasisPoints: number;
  byCategory: { category: BudgetCategory; amountCents: number; shareBasisPoints: number }[];
  byPartner: { organizationId: string | null; amountCents: number; shareBasisPoints: number }[];
  byFundingKind: { kind: FundingKind; committedCents: number; spentCents: number; shareBasisPoints: number }[];
}

/**
 * Shares of a whole in basis points that add up to exactly 10 000 (largest remainder, money.ts allocate), or all 0
 * when the whole is 0. Ties go to the part listed first.
 */
export function sharesInBasisPoints(amounts: readonly number[]): number[] {
  if (amounts.length === 0) return [];
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  if (total <= 0 || amounts.some((amount) => amount < 0)) return amounts.map(() => 0);
  return allocate(moneyOfCents(BASIS_POINTS_WHOLE), amounts).map((share) => share.cents);
}

/** One share of a total in basis points, rounded half up (for a single ratio, such as co-financing). */
export function shareInBasisPoints(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Number((BigInt(part) * BigInt(2 * BASIS_POINTS_WHOLE) + BigInt(whole)) / BigInt(2 * whole));
}

const cents = (values: readonly number[]) => sumMoney(values.map((value) => moneyOfCents(value))).cents;

/**
 * The budget's totals, in integer cents: the categories, the partners and the funding kinds each add up to their
 * total to the cent, and the shares of each breakdown add up to 100 % exactly. Categories and kinds come in the
 * order of their lists; partners in the order of their first line.
 */
export function budgetTotals(lines: readonly BudgetLineForTotals[], sources: readonly FundingSourceForTotals[]): BudgetTotals {
  const budgetCents = cents(lines.map((line) => line.amountCents));
  const committedCents = cents(sources.map((source) => source.committedCents));
  const spentCents = cents(sources.map((source) => source.spentCents));
  const coFinancingCents = cents(sources.filter((source) => isCoFinancing(source.kind)).map((source) => source.committedCents));

  const categoryAmounts = BUDGET_CATEGORIES.map((category) => cents(lines.filter((line) => line.category === category).map((line) => line.amountCents)));
  const categoryShares = sharesInBasisPoints(categoryAmounts);
  const partnerIds = [...new Set(lines.map((line) => line.organizationId))];
  const partnerAmounts = partnerIds.map((id) => cents(lines.filter((line) => line.organizationId === id).map((line) => line.amountCents)));
  const partnerShares = sharesInBasisPoints(partnerAmounts);
  const kindCommitted = FUNDING_KINDS.map((kind) => cents(sources.filter((source) => source.kind === kind).map((source) => source.committedCents)));
  const kindSpent = FUNDING_KINDS.map((kind) => cents(sources.filter((source) => source.kind === kind).map((source) => source.spentCents)));
  const kindShares = sharesInBasisPoints(kindCommitted);

  return {
    budgetCents,
    committedCents,
    spentCents,
    uncoveredCents: budgetCents - committedCents,
    coFinancingCents,
    coFinancingShareBasisPoints: shareInBasisPoints(coFinancingCents, committedCents),
    byCategory: BUDGET_CATEGORIES.map((category, index) => ({ category, amountCents: categoryAmounts[index]!, shareBasisPoints: categoryShares[index]! })).filter((row) => row.amountCents !== 0),
    byPartner: partnerIds.map((organizationId, index) => ({ organizationId, amountCents: partnerAmounts[index]!, shareBasisPoints: partnerShares[index]! })),
    byFundingKind: FUNDING_KINDS.map((kind, index) => ({ kind, committedCents: kindCommitted[index]!, spentCents: kindSpent[index]!, shareBasisPoints: kindShares[index]! })).filter(
      (row) => row.committedCents !== 0 || row.spentCents !== 0,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Milestones, beneficiaries, accompaniment

export const MILESTONE_KINDS = ['milestone', 'deliverable'] as const;
export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** A milestone is late when its due date has passed and it is neither done nor cancelled. */
export function isMilestoneLate(milestone: { dueOn: string; status: MilestoneStatus }, today: string): boolean {
  return milestone.dueOn < today && (milestone.status === 'planned' || milestone.status === 'in_progress');
}

export const READINESS_CRITERIA = ['sustainability', 'scalability', 'replicability'] as const;
export type ReadinessCriterion = (typeof READINESS_CRITERIA)[number];
/** Readiness scores go from 1 (not ready) to 5 (ready). */
export const READINESS_SCORE_MIN = 1;
export const READINESS_SCORE_MAX = 5;

export const MENTOR_KINDS = ['organization', 'person'] as const;

/** Beneficiaries are counted per calendar month (YYYY-MM): aggregate numbers, never people. */
export const BENEFICIARY_PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
