import { describe, expect, it } from 'vitest';
import { checkAnswers, isAcceptingAnswers, type AnswerableQuestion } from './surveys';

const q = (id: string, type: AnswerableQuestion['type'], extra: Partial<AnswerableQuestion> = {}): AnswerableQuestion => ({
  id, type, isRequired: false, config: {}, condition: null, ...extra,
});
const options = [{ code: 'a', label: 'A' }, { code: 'b', label: 'B' }];
const reasonOf = (question: AnswerableQuestion, value: unknown) =>
  checkAnswers([question], { [question.id]: value }, { requireComplete: true }).issues[0]?.reason ?? null;

describe('answer validation per question type', () => {
  it('single choice: an option code, or "other" with its text when allowed', () => {
    const single = q('s', 'single_choice', { config: { options, allowOther: true } });
    expect(reasonOf(single, { choice: 'a' })).toBeNull();
    expect(reasonOf(single, { choice: 'z' })).toBe('not_an_option');
    expect(reasonOf(single, { choice: 'other' })).toBe('other_text_required');
    expect(reasonOf(single, { choice: 'other', other: 'Banca ore' })).toBeNull();
    expect(reasonOf(single, { choice: 'a', other: 'text' })).toBe('other_not_allowed');
    expect(reasonOf(single, 'a')).toBe('wrong_type');
    expect(reasonOf(q('s2', 'single_choice', { config: { options } }), { choice: 'other', other: 'x' })).toBe('not_an_option');
  });

  it('multiple choice: known, distinct codes; "other, specify" needs its text', () => {
    const multiple = q('m', 'multiple_choice', { config: { options, allowOther: true } });
    expect(reasonOf(multiple, { choices: ['a', 'b'] })).toBeNull();
    expect(reasonOf(multiple, { choices: ['a', 'x'] })).toBe('not_an_option');
    expect(reasonOf(multiple, { choices: ['a', 'a'] })).toBe('wrong_type');
    expect(reasonOf(multiple, { choices: ['other'], other: '  ' })).toBe('other_text_required');
    expect(reasonOf(multiple, { choices: ['b', 'other'], other: 'Palestra' })).toBeNull();
  });

  it('scale: an integer from 1 to 5', () => {
    const scale = q('c', 'scale');
    expect(reasonOf(scale, 5)).toBeNull();
    expect(reasonOf(scale, 6)).toBe('out_of_range');
    expect(reasonOf(scale, 0)).toBe('out_of_range');
    expect(reasonOf(scale, 2.5)).toBe('not_integer');
    expect(reasonOf(scale, '3')).toBe('wrong_type');
  });

  it('matrix: known rows rated 1-5; a required matrix needs every row', () => {
    const matrix = q('x', 'matrix', { isRequired: true, config: { rows: [{ code: 'nidi', label: 'Nidi' }, { code: 'casa', label: 'Casa' }] } });
    expect(reasonOf(matrix, { nidi: 4, casa: 1 })).toBeNull();
    expect(reasonOf(matrix, { nidi: 4, casa: 7 })).toBe('out_of_range');
    expect(reasonOf(matrix, { nidi: 4, sport: 2 })).toBe('unknown_row');
    expect(reasonOf(matrix, { nidi: 4 })).toBe('required');
    expect(checkAnswers([matrix], { x: { nidi: 4 } }, { requireComplete: false }).issues).toEqual([]);
  });

  it('number: within its range, integer when asked', () => {
    const number = q('n', 'number', { config: { min: 0, max: 500, integerOnly: true } });
    expect(reasonOf(number, 120)).toBeNull();
    expect(reasonOf(number, -1)).toBe('out_of_range');
    expect(reasonOf(number, 501)).toBe('out_of_range');
    expect(reasonOf(number, 1.5)).toBe('not_integer');
    expect(reasonOf(number, Number.NaN)).toBe('wrong_type');
  });

  it('number answers of 1e308: a number question without a range still refuses values beyond ±1e12', () => {
    const open = q('n', 'number');
    expect(reasonOf(open, 1e308)).toBe('out_of_range');
    expect(reasonOf(open, -1e308)).toBe('out_of_range');
    expect(reasonOf(open, 1e12)).toBeNull();
    expect(reasonOf(open, 1e12 + 1)).toBe('out_of_range');
    const wide = q('w', 'number', { config: { min: -1e20, max: 1e20 } });
    expect(reasonOf(wide, 1e15)).toBe('out_of_range');
  });

  it('short and long text: strings within their length', () => {
    expect(reasonOf(q('t', 'short_text'), 'ok')).toBeNull();
    expect(reasonOf(q('t', 'short_text'), 'x'.repeat(301))).toBe('too_long');
    expect(reasonOf(q('l', 'long_text'), 'x'.repeat(5000))).toBeNull();
    expect(reasonOf(q('l', 'long_text'), 42)).toBe('wrong_type');
  });

  it('municipality: a six-digit ISTAT code (existence is checked by the server)', () => {
    expect(reasonOf(q('p', 'municipality'), '001191')).toBeNull();
    expect(reasonOf(q('p', 'municipality'), 'Pinerolo')).toBe('unknown_municipality');
  });

  it('yes/no: only "yes" or "no"', () => {
    expect(reasonOf(q('y', 'yes_no'), 'yes')).toBeNull();
    expect(reasonOf(q('y', 'yes_no'), true)).toBe('wrong_type');
  });

  it('required: empty answers are refused on submission, accepted in a draft save', () => {
    const required = q('r', 'short_text', { isRequired: true });
    expect(reasonOf(required, '   ')).toBe('required');
    expect(checkAnswers([required], {}, { requireComplete: false }).issues).toEqual([]);
  });

  it('refuses answers to questions the survey does not have', () => {
    expect(checkAnswers([q('a', 'scale')], { zzz: 3 }, { requireComplete: false }).issues).toEqual([{ questionId: 'zzz', reason: 'unknown_question' }]);
  });
});

describe('conditional follow-ups', () => {
  const parent = q('p', 'yes_no', { isRequired: true });
  const follow = q('f', 'multiple_choice', { isRequired: true, config: { options }, condition: { questionId: 'p', equals: 'yes' } });

  it('a hidden follow-up is not required', () => {
    expect(checkAnswers([parent, follow], { p: 'no' }, { requireComplete: true }).issues).toEqual([]);
  });

  it('a shown follow-up is required', () => {
    expect(checkAnswers([parent, follow], { p: 'yes' }, { requireComplete: true }).issues).toEqual([{ questionId: 'f', reason: 'required' }]);
  });

  it('answers to a hidden follow-up are dropped, not stored', () => {
    const result = checkAnswers([parent, follow], { p: 'no', f: { choices: ['a'] } }, { requireComplete: true });
    expect(result.issues).toEqual([]);
    expect(result.answers).toEqual({ p: 'no' });
  });

  it('a follow-up of a choice question is shown when that option is chosen', () => {
    const choice = q('c', 'single_choice', { config: { options } });
    const detail = q('d', 'short_text', { isRequired: true, condition: { questionId: 'c', equals: 'b' } });
    expect(checkAnswers([choice, detail], { c: { choice: 'b' } }, { requireComplete: true }).issues).toEqual([{ questionId: 'd', reason: 'required' }]);
    expect(checkAnswers([choice, detail], { c: { choice: 'a' } }, { requireComplete: true }).issues).toEqual([]);
  });
});

describe('closing dates', () => {
  const open = { status: 'open' as const, opensOn: '2026-03-01', closesOn: '2026-03-31' };
  it('accepts answers between the dates, both inclusive, only while open', () => {
    expect(isAcceptingAnswers(open, '2026-03-31')).toBe(true);
    expect(isAcceptingAnswers(open, '2026-04-01')).toBe(false);
    expect(isAcceptingAnswers(open, '2026-02-28')).toBe(false);
    expect(isAcceptingAnswers({ ...open, status: 'closed' }, '2026-03-15')).toBe(false);
  });
});
