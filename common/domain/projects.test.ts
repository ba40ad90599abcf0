import { describe, expect, it } from 'vitest';
import {
  budgetTotals,
  checkPartnership,
  checkTransition,
  DEFAULT_PARTNERSHIP_RULE,
  isMilestoneLate,
  nextStatuses,
  PROJECT_STATUSES,
  PROJECT_TRANSITIONS,
  shareInBasisPoints,
  sharesInBasisPoints,
  workShareTotal,
  type PartnerForRule,
} from './projects';

describe('project pipeline', () => {
  it('allows exactly the listed moves', () => {
    expect(nextStatuses('idea')).toEqual(['co_design']);
    expect(nextStatuses('approved')).toEqual(['running']);
    expect(nextStatuses('running')).toEqual(['evaluated']);
    expect(nextStatuses('evaluated')).toEqual(['scaled_up', 'continued', 'stopped']);
    expect(nextStatuses('stopped')).toEqual([]);
    expect(nextStatuses('scaled_up')).toEqual([]);
    // Every status is reachable from idea.
    const reached = new Set<string>(['idea']);
    for (let round = 0; round < PROJECT_STATUSES.length; round++) for (const t of PROJECT_TRANSITIONS) if (reached.has(t.from)) reached.add(t.to);
    expect([...reached].sort()).toEqual([...PROJECT_STATUSES].sort());
  });

  it('refuses a forbidden move naming the field to', () => {
    expect(checkTransition({ from: 'idea', to: 'running', hasEvaluation: false, decision: null, hasScaleUp: false })).toEqual({ field: 'to', problem: 'forbidden' });
    expect(checkTransition({ from: 'stopped', to: 'running', hasEvaluation: true, decision: 'stop', hasScaleUp: false })).toEqual({ field: 'to', problem: 'forbidden' });
    expect(checkTransition({ from: 'running', to: 'stopped', hasEvaluation: true, decision: null, hasScaleUp: false })).toEqual({ field: 'to', problem: 'forbidden' });
  });

  it('needs an evaluation to leave running', () => {
    expect(checkTransition({ from: 'running', to: 'evaluated', hasEvaluation: false, decision: null, hasScaleUp: false })).toEqual({ field: 'evaluation', problem: 'required' });
    expect(checkTransition({ from: 'running', to: 'evaluated', hasEvaluation: true, decision: null, hasScaleUp: false })).toBeNull();
  });

  it('takes the outcome the evaluation decided, and a scale-up needs where', () => {
    expect(checkTransition({ from: 'evaluated', to: 'stopped', hasEvaluation: false, decision: 'continue', hasScaleUp: false })).toEqual({ field: 'to', problem: 'decision_mismatch', decision: 'continue' });
    expect(checkTransition({ from: 'evaluated', to: 'continued', hasEvaluation: false, decision: 'continue', hasScaleUp: false })).toBeNull();
    expect(checkTransition({ from: 'evaluated', to: 'scaled_up', hasEvaluation: false, decision: 'scale_up', hasScaleUp: false })).toEqual({ field: 'scaleUp', problem: 'required' });
    expect(checkTransition({ from: 'evaluated', to: 'scaled_up', hasEvaluation: false, decision: 'scale_up', hasScaleUp: true })).toBeNull();
  });
});

describe('partnership rule', () => {
  const partner = (role: PartnerForRule['role'], organizationKind: string, leftOn: string | null = null): PartnerForRule => ({ role, organizationKind, leftOn, joinedOn: null });

  it('passes when the lead is a social-services body with a third-sector partner and a firm', () => {
    const result = checkPartnership(DEFAULT_PARTNERSHIP_RULE, [partner('lead', 'social_services_body'), partner('partner', 'social_cooperative_a'), partner('funder', 'firm')], '2026-01-01');
    expect(result.passed).toBe(true);
    expect(result.conditions.map((c) => [c.code, c.passed, c.count])).toEqual([
      ['single_lead', true, 1],
      ['lead_social_services', true, 1],
      ['third_sector_partner', true, 1],
      ['firm_partner', true, 1],
    ]);
  });

  it('says which conditions fail', () => {
    const result = checkPartnership(DEFAULT_PARTNERSHIP_RULE, [partner('lead', 'aps'), partner('partner', 'firm', '2025-06-30')], '2026-01-01');
    expect(result.passed).toBe(false);
    expect(Object.fromEntries(result.conditions.map((c) => [c.code, c.passed]))).toEqual({ single_lead: true, lead_social_services: false, third_sector_partner: true, firm_partner: false });
  });

  it('refuses two leads, and counts only partners who have joined', () => {
    const twoLeads = checkPartnership(DEFAULT_PARTNERSHIP_RULE, [partner('lead', 'social_services_body'), partner('lead', 'municipality')], '2026-01-01');
    expect(twoLeads.conditions[0]).toEqual({ code: 'single_lead', passed: false, count: 2 });
    expect(twoLeads.conditions[1]!.passed).toBe(false);
    const notYet = checkPartnership(DEFAULT_PARTNERSHIP_RULE, [{ role: 'partner', organizationKind: 'firm', leftOn: null, joinedOn: '2027-01-01' }], '2026-01-01');
    expect(notYet.conditions[3]).toEqual({ code: 'firm_partner', passed: false, count: 0 });
  });

  it('adds the shares of work of the active partners only', () => {
    const partners = [
      { ...partner('lead', 'municipality'), workSharePercent: 60 },
      { ...partner('partner', 'aps'), workSharePercent: 40 },
      { ...partner('partner', 'firm', '2025-01-01'), workSharePercent: 30 },
    ];
    expect(workShareTotal(partners, '2026-01-01')).toBe(100);
    expect(workShareTotal(partners, '2024-12-31')).toBe(130);
  });
});

describe('budget totals in cents', () => {
  it('adds awkward amounts to the cent and shares that add up to 100 %', () => {
    const lines = [
      { category: 'staff' as const, organizationId: 'a', amountCents: 33_333 },
      { category: 'staff' as const, organizationId: 'b', amountCents: 33_333 },
      { category: 'training' as const, organizationId: 'c', amountCents: 33_334 },
      { category: 'other' as const, organizationId: 'a', amountCents: 1 },
      // 0.1 + 0.2 euros: no float ever carries it.
      { category: 'equipment' as const, organizationId: null, amountCents: 10 },
      { category: 'equipment' as const, organizationId: null, amountCents: 20 },
    ];
    const sources = [
      { kind: 'esf_plus' as const, committedCents: 66_667, spentCents: 12_345 },
      { kind: 'foundation' as const, committedCents: 16_667, spentCents: 1 },
      { kind: 'own_funds' as const, committedCents: 16_666, spentCents: 0 },
    ];
    const totals = budgetTotals(lines, sources);
    expect(totals.budgetCents).toBe(100_031);
    expect(totals.byCategory.reduce((sum, row) => sum + row.amountCents, 0)).toBe(totals.budgetCents);
    expect(totals.byPartner.reduce((sum, row) => sum + row.amountCents, 0)).toBe(totals.budgetCents);
    expect(totals.byPartner.map((row) => [row.organizationId, row.amountCents])).toEqual([
      ['a', 33_334],
      ['b', 33_333],
      ['c', 33_334],
      [null, 30],
    ]);
    expect(totals.byCategory.reduce((sum, row) => sum + row.shareBasisPoints, 0)).toBe(10_000);
    expect(totals.byPartner.reduce((sum, row) => sum + row.shareBasisPoints, 0)).toBe(10_000);
    expect(totals.committedCents).toBe(100_000);
    expect(totals.spentCents).toBe(12_346);
    expect(totals.uncoveredCents).toBe(31);
    expect(totals.coFinancingCents).toBe(33_333);
    expect(totals.coFinancingShareBasisPoints).toBe(3_333);
    expect(totals.byFundingKind.map((row) => [row.kind, row.shareBasisPoints])).toEqual([
      ['esf_plus', 6_667],
      ['foundation', 1_667],
      ['own_funds', 1_666],
    ]);
    expect(totals.byFundingKind.reduce((sum, row) => sum + row.shareBasisPoints, 0)).toBe(10_000);
  });

  it('splits three equal thirds so they still add up, and an empty budget is zero', () => {
    expect(sharesInBasisPoints([1, 1, 1])).toEqual([3_334, 3_333, 3_333]);
    expect(sharesInBasisPoints([0, 0])).toEqual([0, 0]);
    expect(shareInBasisPoints(1, 3)).toBe(3_333);
    expect(shareInBasisPoints(2, 3)).toBe(6_667);
    expect(shareInBasisPoints(5, 0)).toBe(0);
    const empty = budgetTotals([], []);
    expect(empty).toMatchObject({ budgetCents: 0, committedCents: 0, coFinancingShareBasisPoints: 0, byCategory: [], byPartner: [], byFundingKind: [] });
  });

  it('keeps exact integers near the largest safe amounts', () => {
    const big = 2 ** 52;
    const totals = budgetTotals([{ category: 'staff', organizationId: 'a', amountCents: big }, { category: 'staff', organizationId: 'b', amountCents: big - 1 }], []);
    expect(totals.budgetCents).toBe(2 ** 53 - 1);
  });
});

describe('milestones', () => {
  it('is late only when due before today and not done or cancelled', () => {
    expect(isMilestoneLate({ dueOn: '2026-01-01', status: 'planned' }, '2026-01-02')).toBe(true);
    expect(isMilestoneLate({ dueOn: '2026-01-02', status: 'in_progress' }, '2026-01-02')).toBe(false);
    expect(isMilestoneLate({ dueOn: '2026-01-01', status: 'done' }, '2026-02-01')).toBe(false);
    expect(isMilestoneLate({ dueOn: '2026-01-01', status: 'cancelled' }, '2026-02-01')).toBe(false);
  });
});
