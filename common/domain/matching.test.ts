import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  costSharesOf,
  coverageOf,
  providerScore,
  providerScoreParts,
  REFERRAL_CLOSED_STATUSES,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  trendOf,
} from './matching';

const cents = (shares: ReturnType<typeof costSharesOf>) => shares?.map((share) => share.cents) ?? null;

describe('cost shares of a proposal', () => {
  it('charges a fee service its unit price per person, free services nothing, and leaves means-tested ones unknown', () => {
    expect(cents(costSharesOf('fee', 2000, [3, 2]))).toEqual([6000, 4000]);
    expect(cents(costSharesOf('fee', 1999, [1]))).toEqual([1999]);
    expect(cents(costSharesOf('free', null, [3, 2]))).toEqual([0, 0]);
    expect(cents(costSharesOf('free', 2000, [3]))).toEqual([0]);
    expect(costSharesOf('fee', null, [3, 2])).toBeNull();
    expect(costSharesOf('means_tested', 2000, [3, 2])).toBeNull();
    expect(costSharesOf('something_else', 2000, [3])).toBeNull();
    expect(cents(costSharesOf('fee', 2000, [0, 0]))).toEqual([0, 0]);
    expect(cents(costSharesOf('fee', 2000, []))).toEqual([]);
    expect(costSharesOf('fee', 2000, [1])![0]!.currency).toBe('EUR');
  });

  it('always adds up to the unit price times all the people', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 20 }), (price, people) => {
        const shares = cents(costSharesOf('fee', price, people))!;
        const totalPeople = people.reduce((sum, count) => sum + count, 0);
        expect(shares.reduce((sum, share) => sum + share, 0)).toBe(price * totalPeople);
        shares.forEach((share, index) => expect(share).toBe(price * people[index]!));
      }),
    );
  });
});

describe('coverage, trend and provider score', () => {
  it('calls a group a gap without supply or below the threshold', () => {
    expect(coverageOf(0, 5, 0, 1)).toEqual({ coverage: 0, isGap: true, gapReason: 'no_supply' });
    expect(coverageOf(10, 5, 0, 1)).toEqual({ coverage: 0, isGap: true, gapReason: 'no_supply' });
    expect(coverageOf(4, 5, 1, 1)).toEqual({ coverage: 0.8, isGap: true, gapReason: 'below_threshold' });
    expect(coverageOf(5, 5, 1, 1)).toEqual({ coverage: 1, isGap: false, gapReason: null });
    expect(coverageOf(3, 0, 2, 1)).toEqual({ coverage: 0, isGap: true, gapReason: 'below_threshold' });
    expect(coverageOf(3, 0, 2, 0)).toEqual({ coverage: 0, isGap: false, gapReason: null });
  });

  it('compares the last period with the one before', () => {
    expect(trendOf(3, 0)).toBe('new');
    expect(trendOf(0, 0)).toBe('flat');
    expect(trendOf(4, 3)).toBe('up');
    expect(trendOf(2, 3)).toBe('down');
    expect(trendOf(3, 3)).toBe('flat');
  });

  it('scores a provider on category, target group, distance, capacity and openness', () => {
    const base = { needCategoryCode: 'anziani.assistenza-domiciliare', needTargetGroup: 'older_people', serviceTargetGroups: ['older_people'], serviceOpenTo: ['all_residents'], distanceKm: 0, radiusKm: 10, freeCapacity: 4, peopleCount: 6 };
    const parts = providerScoreParts(base);
    expect(parts).toEqual({ categoryFit: 1, targetGroupFit: 1, proximity: 1, capacity: 4 / 6, openToCommunity: 1 });
    expect(providerScore(parts)).toBe(93.3);
    expect(providerScoreParts({ ...base, needCategoryCode: 'anziani' }).categoryFit).toBe(0.75);
    expect(providerScoreParts({ ...base, needTargetGroup: null }).targetGroupFit).toBe(0.5);
    expect(providerScoreParts({ ...base, serviceTargetGroups: [] }).targetGroupFit).toBe(0.5);
    expect(providerScoreParts({ ...base, serviceTargetGroups: ['children'] }).targetGroupFit).toBe(0);
    expect(providerScoreParts({ ...base, distanceKm: 4 }).proximity).toBeCloseTo(0.6);
    expect(providerScoreParts({ ...base, distanceKm: 12 }).proximity).toBe(0);
    expect(providerScoreParts({ ...base, radiusKm: 0 }).proximity).toBe(1);
    expect(providerScoreParts({ ...base, radiusKm: 0, distanceKm: 1 }).proximity).toBe(0);
    expect(providerScoreParts({ ...base, freeCapacity: null }).capacity).toBe(0);
    expect(providerScoreParts({ ...base, freeCapacity: 10 }).capacity).toBe(1);
    expect(providerScoreParts({ ...base, freeCapacity: 1, peopleCount: 0 }).capacity).toBe(1);
    expect(providerScoreParts({ ...base, serviceOpenTo: ['member_employees'] }).openToCommunity).toBe(0);
    expect(providerScore({ categoryFit: 1, targetGroupFit: 1, proximity: 1, capacity: 1, openToCommunity: 1 })).toBe(100);
    expect(providerScore({ categoryFit: 0, targetGroupFit: 0, proximity: 0, capacity: 0, openToCommunity: 0 })).toBe(0);
    expect(providerScore({ categoryFit: 0, targetGroupFit: 1, proximity: 0, capacity: 0, openToCommunity: 0 })).toBe(15);
    expect(providerScore({ categoryFit: 0, targetGroupFit: 0, proximity: 1, capacity: 0, openToCommunity: 0 })).toBe(20);
    expect(providerScore({ categoryFit: 0, targetGroupFit: 0, proximity: 0, capacity: 1, openToCommunity: 0 })).toBe(20);
    expect(providerScore({ categoryFit: 0, targetGroupFit: 0, proximity: 0, capacity: 0, openToCommunity: 1 })).toBe(10);
    expect(providerScore({ categoryFit: 1, targetGroupFit: 0, proximity: 0, capacity: 0, openToCommunity: 0 })).toBe(35);
  });
});

describe('the referral state machine', () => {
  it('moves a referral only along its transitions, each taken by one side', () => {
    expect(REFERRAL_TRANSITIONS.accept).toEqual({ from: 'sent', to: 'accepted', by: 'provider', reasonRequired: false });
    expect(REFERRAL_TRANSITIONS.decline).toEqual({ from: 'sent', to: 'declined', by: 'provider', reasonRequired: true });
    expect(REFERRAL_TRANSITIONS.request_info).toEqual({ from: 'sent', to: 'info_requested', by: 'provider', reasonRequired: true });
    expect(REFERRAL_TRANSITIONS.answer_info).toEqual({ from: 'info_requested', to: 'sent', by: 'referrer', reasonRequired: true });
    expect(REFERRAL_TRANSITIONS.mark_served).toEqual({ from: 'accepted', to: 'served', by: 'provider', reasonRequired: false });
    expect(REFERRAL_TRANSITIONS.mark_not_served).toEqual({ from: 'accepted', to: 'not_served', by: 'provider', reasonRequired: true });
  });

  it('closes a referral only in an outcome, from which nothing leads on', () => {
    expect([...REFERRAL_CLOSED_STATUSES].sort()).toEqual(['declined', 'not_served', 'served']);
    for (const transition of Object.values(REFERRAL_TRANSITIONS)) {
      expect(REFERRAL_CLOSED_STATUSES).not.toContain(transition.from);
      expect(REFERRAL_STATUSES).toContain(transition.to);
    }
    // Every state can be reached from "sent".
    const reached = new Set(['sent']);
    for (let step = 0; step < REFERRAL_STATUSES.length; step += 1) {
      for (const transition of Object.values(REFERRAL_TRANSITIONS)) if (reached.has(transition.from)) reached.add(transition.to);
    }
    expect([...reached].sort()).toEqual([...REFERRAL_STATUSES].sort());
  });
});
