import { describe, expect, it } from 'vitest';
import { actionsFrom, awardValidity, canTakeAction, decisionProblem, evaluateAward, isReminderDue, labelState, type AwardCriterion } from './labels';

const criteria: AwardCriterion[] = [
  { id: 'm1', kind: 'mandatory', maxScore: null },
  { id: 'm2', kind: 'mandatory', maxScore: null },
  { id: 's1', kind: 'scored', maxScore: 10 },
  { id: 's2', kind: 'scored', maxScore: 5 },
];

describe('the application state machine', () => {
  it('lets the applicant submit a draft and withdraw before a decision, and the managers award or reject a submitted one', () => {
    expect(canTakeAction('draft', 'submit')).toBe(true);
    expect(canTakeAction('submitted', 'submit')).toBe(false);
    expect(canTakeAction('draft', 'award')).toBe(false);
    expect(canTakeAction('submitted', 'award')).toBe(true);
    expect(canTakeAction('awarded', 'withdraw')).toBe(false);
    expect(canTakeAction('rejected', 'award')).toBe(false);
    expect(actionsFrom('draft', 'applicant')).toEqual(['submit', 'withdraw']);
    expect(actionsFrom('submitted', 'applicant')).toEqual(['withdraw']);
    expect(actionsFrom('submitted', 'manager')).toEqual(['reject', 'award']);
    expect(actionsFrom('awarded', 'manager')).toEqual([]);
  });
});

describe('the award rule', () => {
  const decided = (m1: boolean, m2: boolean, s1: number, s2: number) => [
    { criterionId: 'm1', met: m1, score: null },
    { criterionId: 'm2', met: m2, score: null },
    { criterionId: 's1', met: null, score: s1 },
    { criterionId: 's2', met: null, score: s2 },
  ];

  it('awards when every mandatory criterion is met and the score reaches the threshold (the threshold itself included)', () => {
    expect(evaluateAward(criteria, decided(true, true, 7, 3), 10)).toEqual({ passed: true, totalScore: 10, maxTotalScore: 15, problems: [] });
  });

  it('names every mandatory criterion not met and a score below the threshold', () => {
    const check = evaluateAward(criteria, decided(false, true, 5, 4), 10);
    expect(check.passed).toBe(false);
    expect(check.problems).toEqual([{ code: 'mandatory_not_met', criterionId: 'm1' }, { code: 'below_threshold', totalScore: 9, thresholdScore: 10 }]);
  });

  it('refuses while a criterion is not decided', () => {
    const check = evaluateAward(criteria, decided(true, true, 10, 5).filter((decision) => decision.criterionId !== 'm2' && decision.criterionId !== 's2'), 0);
    expect(check.problems).toEqual([{ code: 'not_assessed', criterionId: 'm2' }, { code: 'not_assessed', criterionId: 's2' }]);
  });

  it('passes a scheme of mandatory criteria only with a threshold of 0', () => {
    expect(evaluateAward(criteria.slice(0, 2), decided(true, true, 0, 0).slice(0, 2), 0).passed).toBe(true);
  });

  it('checks what a decision carries by the criterion kind', () => {
    expect(decisionProblem(criteria[0]!, { met: true })).toBeNull();
    expect(decisionProblem(criteria[0]!, {})).toMatchObject({ field: 'met' });
    expect(decisionProblem(criteria[0]!, { met: true, score: 3 })).toMatchObject({ field: 'score' });
    expect(decisionProblem(criteria[2]!, { score: 10 })).toBeNull();
    expect(decisionProblem(criteria[2]!, { score: 11 })).toMatchObject({ field: 'score' });
    expect(decisionProblem(criteria[2]!, { score: -1 })).toMatchObject({ field: 'score' });
    expect(decisionProblem(criteria[2]!, { met: true })).toMatchObject({ field: 'score' });
  });
});

describe('validity, expiry and renewal', () => {

  it('runs a first award from today to the day before the same date months later', () => {
    expect(awardValidity('2026-03-10', 24, null)).toEqual({ validFrom: '2026-03-10', validUntil: '2028-03-09' });
  });

  it('extends a label still valid from the day after its last day, and restarts an expired one from today', () => {
    expect(awardValidity('2028-01-20', 24, { validUntil: '2028-03-09' })).toEqual({ validFrom: '2028-03-10', validUntil: '2030-03-09' });
    expect(awardValidity('2028-03-09', 12, { validUntil: '2028-03-09' })).toEqual({ validFrom: '2028-03-10', validUntil: '2029-03-09' });
    expect(awardValidity('2028-05-01', 12, { validUntil: '2028-03-09' })).toEqual({ validFrom: '2028-05-01', validUntil: '2029-04-30' });
  });

  it('is valid through its last day, expired the day after, revoked whatever the dates', () => {
    expect(labelState({ validUntil: '2028-03-09', revokedOn: null }, '2028-03-09')).toBe('valid');
    expect(labelState({ validUntil: '2028-03-09', revokedOn: null }, '2028-03-10')).toBe('expired');
    expect(labelState({ validUntil: '2028-03-09', revokedOn: '2027-01-01' }, '2026-06-01')).toBe('revoked');
  });

  it('reminds a valid label within 60 days of its last day, not an expired or revoked one', () => {
    expect(isReminderDue({ validUntil: '2028-03-09', revokedOn: null }, '2028-01-09')).toBe(true);
    expect(isReminderDue({ validUntil: '2028-03-09', revokedOn: null }, '2028-01-08')).toBe(false);
    expect(isReminderDue({ validUntil: '2028-03-09', revokedOn: null }, '2028-03-10')).toBe(false);
    expect(isReminderDue({ validUntil: '2028-03-09', revokedOn: '2028-02-01' }, '2028-02-10')).toBe(false);
  });
});
