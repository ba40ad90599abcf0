import { describe, expect, it } from 'vitest';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES, CRITERION_KINDS, LABEL_STATES } from '../../../common/domain/labels';
import italian from './i18n/it.json';
import english from './i18n/en.json';
import { APPLICATION_STATUS_COLORS, badgeSnippet, draftMaxTotal, schemeDraftProblems, schemeRequestOf, scoreSummary, validityParts, type SchemeDraft } from './label-rules';

const draft = (overrides: Partial<SchemeDraft> = {}): SchemeDraft => ({
  districtId: 'd1',
  name: 'Marchio del Pinerolese',
  description: '',
  criteria: [
    { description: 'Carta dei servizi', evidenceRequired: 'Il file', kind: 'mandatory', maxScore: '' },
    { description: 'Formazione', evidenceRequired: '', kind: 'scored', maxScore: '10' },
    { description: 'Coprogettazione', evidenceRequired: '', kind: 'scored', maxScore: '5' },
  ],
  thresholdScore: '12',
  validityMonths: '24',
  assessorUserIds: ['u1'],
  ...overrides,
});

const criterion = (kind: 'mandatory' | 'scored', maxScore: number | null, decision: { met: boolean | null; score: number | null } | null) => ({
  id: 'c',
  position: 1,
  description: 'x',
  evidenceRequired: '',
  kind,
  maxScore,
  evidence: null,
  decision: decision ? { ...decision, note: '', assessorName: 'A', decidedAt: '2026-01-01T00:00:00Z' } : null,
});

describe('the new scheme form', () => {
  it('accepts a complete draft and sends numbers, null points for mandatory criteria, null for a regional scheme', () => {
    expect(schemeDraftProblems(draft())).toEqual({});
    expect(draftMaxTotal(draft().criteria)).toBe(15);
    const body = schemeRequestOf(draft({ districtId: '', thresholdScore: ' ' }));
    expect(body).toMatchObject({ districtId: null, thresholdScore: 0, validityMonths: 24 });
    expect(body.criteria.map((c) => c.maxScore)).toEqual([null, 10, 5]);
  });

  it('names each field that is wrong, as the server names it', () => {
    const problems = schemeDraftProblems(
      draft({
        name: ' ',
        criteria: [
          { description: '', evidenceRequired: '', kind: 'scored', maxScore: 'dieci' },
          { description: 'x', evidenceRequired: '', kind: 'scored', maxScore: '101' },
        ],
        thresholdScore: '5',
        validityMonths: '0',
        assessorUserIds: [],
      }),
    );
    expect(problems).toEqual({
      name: 'required',
      'criteria.0.description': 'required',
      'criteria.0.maxScore': 'wholeNumber',
      'criteria.1.maxScore': 'scoreRange',
      validityMonths: 'monthsRange',
      assessorUserIds: 'assessorRequired',
    });
  });

  it('refuses a threshold the scored criteria cannot reach, and accepts exactly their total', () => {
    expect(schemeDraftProblems(draft({ thresholdScore: '16' })).thresholdScore).toBe('thresholdUnreachable');
    expect(schemeDraftProblems(draft({ thresholdScore: '15' })).thresholdScore).toBeUndefined();
    expect(schemeDraftProblems(draft({ thresholdScore: '1,5' })).thresholdScore).toBe('wholeNumber');
  });
});

describe('validity in words', () => {
  it('splits months into years and months', () => {
    expect(validityParts(24)).toEqual({ years: 2, months: 0 });
    expect(validityParts(30)).toEqual({ years: 2, months: 6 });
    expect(validityParts(7)).toEqual({ years: 0, months: 7 });
  });
});

describe('the score against the threshold', () => {
  it('adds the scored criteria (capped at their maximum), counts undecided and failed mandatory ones', () => {
    const summary = scoreSummary({
      thresholdScore: 12,
      criteria: [criterion('mandatory', null, { met: false, score: null }), criterion('scored', 10, { met: null, score: 8 }), criterion('scored', 5, null), criterion('mandatory', null, null)],
    });
    expect(summary).toEqual({ totalScore: 8, maxTotalScore: 15, thresholdScore: 12, reachesThreshold: false, undecided: 2, mandatoryNotMet: 1 });
  });

  it('reaches the threshold when the total equals it', () => {
    const summary = scoreSummary({ thresholdScore: 12, criteria: [criterion('scored', 10, { met: null, score: 10 }), criterion('scored', 5, { met: null, score: 2 })] });
    expect([summary.totalScore, summary.reachesThreshold, summary.undecided]).toEqual([12, true, 0]);
  });
});

describe('the badge embed code', () => {
  it('links the picture to the verification page and escapes the description', () => {
    expect(badgeSnippet('https://x.it', '/marchio/abc', '/api/labels/badge/abc.svg', 'Marchio «A» "B" & C')).toBe(
      '<a href="https://x.it/marchio/abc"><img src="https://x.it/api/labels/badge/abc.svg" alt="Marchio «A» &quot;B&quot; &amp; C"></a>',
    );
  });
});

describe('status words', () => {
  it('gives every status, state, kind and action words in both languages, and every status a colour', () => {
    for (const texts of [italian, english]) {
      for (const status of APPLICATION_STATUSES) expect(texts.applicationStatuses[status], status).toMatch(/\S/);
      for (const state of LABEL_STATES) expect(texts.states[state], state).toMatch(/\S/);
      for (const kind of CRITERION_KINDS) expect(texts.criterionKindsTitle[kind], kind).toMatch(/\S/);
      for (const action of APPLICATION_ACTIONS) expect(texts.application.actions[action], action).toMatch(/\S/);
    }
    for (const status of APPLICATION_STATUSES) expect(APPLICATION_STATUS_COLORS[status]).toBeDefined();
    expect(italian.applicationStatuses.submitted).not.toMatch(/submitted/i);
  });
});
