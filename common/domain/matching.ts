/**
 * Matching vocabulary and pure rules shared by the server and the web app: coverage and gaps, the provider score of a
 * shared-service proposal, the cost share, and the referral state machine (docs/adr/0015-matching-coverage-rules.md).
 */

import { allocate, moneyOfCents, multiplyMoney, ZERO_EUR, type Money } from './money';

export const COVERAGE_DEFAULTS = { threshold: 1, radiusKm: 10, periodDays: 90 } as const;
/**
 * The distances (km) the gap page offers. The services module stores the supply at each of them (ADR 0018), so the
 * page reads sums instead of measuring distances; the API still accepts any radius, computed at request time.
 */
export const OFFERED_RADII_KM = [0, 5, 10, 20] as const;
export const ZONE_KINDS = ['municipality', 'district', 'zoning'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export type GapReason = 'no_supply' | 'below_threshold';

/** Coverage = free capacity ÷ people in need; a gap is no supply at all, or coverage below the threshold. */
export function coverageOf(freeCapacity: number, peopleCount: number, serviceCount: number, threshold: number): { coverage: number; isGap: boolean; gapReason: GapReason | null } {
  const coverage = peopleCount > 0 ? freeCapacity / peopleCount : 0;
  if (serviceCount === 0) return { coverage: 0, isGap: true, gapReason: 'no_supply' };
  if (coverage < threshold) return { coverage, isGap: true, gapReason: 'below_threshold' };
  return { coverage, isGap: false, gapReason: null };
}

export type Trend = 'new' | 'up' | 'down' | 'flat';
/** People in need expressed in the last N days against the N days before. */
export function trendOf(recentPeople: number, previousPeople: number): Trend {
  if (previousPeople === 0) return recentPeople > 0 ? 'new' : 'flat';
  if (recentPeople > previousPeople) return 'up';
  if (recentPeople < previousPeople) return 'down';
  return 'flat';
}

/** Weights of the provider score (0–100) of a proposal; each part is 0–1 and shown to the coordinator. */
export const PROVIDER_SCORE_WEIGHTS = { categoryFit: 35, targetGroupFit: 15, proximity: 20, capacity: 20, openToCommunity: 10 } as const;
export interface ProviderScoreParts {
  categoryFit: number;
  targetGroupFit: number;
  proximity: number;
  capacity: number;
  openToCommunity: number;
}

export function providerScoreParts(input: {
  needCategoryCode: string;
  needTargetGroup: string | null;
  serviceTargetGroups: string[];
  serviceOpenTo: string[];
  /** 0 when the service area covers the municipality. */
  distanceKm: number;
  radiusKm: number;
  freeCapacity: number | null;
  peopleCount: number;
}): ProviderScoreParts {
  // A need in a sub-category (`anziani.assistenza-domiciliare`) is answered by exactly that service type: full fit. A
  // need in a first-level category (`anziani`) is answered by any of its sub-categories, a looser fit.
  const categoryFit = input.needCategoryCode.includes('.') ? 1 : 0.75;
  const targetGroupFit = input.needTargetGroup === null || input.serviceTargetGroups.length === 0 ? 0.5 : input.serviceTargetGroups.includes(input.needTargetGroup) ? 1 : 0;
  const proximity = input.radiusKm <= 0 ? (input.distanceKm === 0 ? 1 : 0) : Math.max(0, 1 - input.distanceKm / input.radiusKm);
  const capacity = input.freeCapacity === null ? 0 : Math.min(1, input.freeCapacity / Math.max(1, input.peopleCount));
  const openToCommunity = input.serviceOpenTo.includes('all_residents') ? 1 : 0;
  return { categoryFit, targetGroupFit, proximity, capacity, openToCommunity };
}

export function providerScore(parts: ProviderScoreParts): number {
  const w = PROVIDER_SCORE_WEIGHTS;
  const score = parts.categoryFit * w.categoryFit + parts.targetGroupFit * w.targetGroupFit + parts.proximity * w.proximity + parts.capacity * w.capacity + parts.openToCommunity * w.openToCommunity;
  return Math.round(score * 10) / 10;
}

/**
 * Estimated cost shares of a proposal's requesters, in the order given: the provider's unit price (cents) times all
 * their people is the proposal's total, allocated by people (money.ts allocate), so the shares always add up to the
 * total even when a future price is per group rather than per person; a tie for a spare cent goes to the requester
 * listed first, so callers list them in a stable order. 0 each for a free service; unknown (null) for a
 * means-tested one or when no price is published.
 */
export function costSharesOf(costKind: string, unitPriceCents: number | null, peopleByRequester: readonly number[]): Money[] | null {
  if (costKind === 'free') return peopleByRequester.map(() => ZERO_EUR);
  if (costKind !== 'fee' || unitPriceCents === null) return null;
  const totalPeople = peopleByRequester.reduce((sum, people) => sum + people, 0);
  if (totalPeople === 0) return peopleByRequester.map(() => ZERO_EUR);
  return allocate(multiplyMoney(moneyOfCents(unitPriceCents), totalPeople), peopleByRequester);
}

export const PROPOSAL_RESPONSES = ['interested', 'not_interested'] as const;
/** The two parts an organization takes in a proposal; one organization may take both, and answers each apart. */
export const PROPOSAL_ROLES = ['requester', 'provider'] as const;
export type ProposalRole = (typeof PROPOSAL_ROLES)[number];
export const PROPOSAL_STATUSES = ['open', 'agreed', 'withdrawn'] as const;

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'info_requested', 'served', 'not_served'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_ACTIONS = ['accept', 'decline', 'request_info', 'answer_info', 'mark_served', 'mark_not_served'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/** The referral state machine: from which state an action is allowed, where it leads, who takes it, whether a reason is required. */
export const REFERRAL_TRANSITIONS: Record<ReferralAction, { from: ReferralStatus; to: ReferralStatus; by: 'provider' | 'referrer'; reasonRequired: boolean }> = {
  accept: { from: 'sent', to: 'accepted', by: 'provider', reasonRequired: false },
  decline: { from: 'sent', to: 'declined', by: 'provider', reasonRequired: true },
  request_info: { from: 'sent', to: 'info_requested', by: 'provider', reasonRequired: true },
  answer_info: { from: 'info_requested', to: 'sent', by: 'referrer', reasonRequired: true },
  mark_served: { from: 'accepted', to: 'served', by: 'provider', reasonRequired: false },
  mark_not_served: { from: 'accepted', to: 'not_served', by: 'provider', reasonRequired: true },
};
/** States with an outcome: the referral is closed. */
export const REFERRAL_CLOSED_STATUSES: ReferralStatus[] = ['declined', 'served', 'not_served'];
export const REFERRAL_REMINDER_DAYS_DEFAULT = 5;
