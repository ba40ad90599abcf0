import { describe, expect, it } from 'vitest';
import { firstSectionWithIssue, issuesFromServer, localIssues, mergeSection, sectionPayload, visibleQuestions, type AnswerSection } from './answer-form';

const sections: AnswerSection[] = [
  {
    id: 's1', title: 'Uno', description: '',
    questions: [
      { id: 'a', code: 'a', type: 'yes_no', label: 'A?', helpText: '', isRequired: true, config: {}, condition: null },
      { id: 'b', code: 'b', type: 'short_text', label: 'B', helpText: '', isRequired: true, config: {}, condition: { questionId: 'a', equals: 'yes' } },
    ],
  },
  { id: 's2', title: 'Due', description: '', questions: [{ id: 'c', code: 'c', type: 'scale', label: 'C', helpText: '', isRequired: false, config: {}, condition: null }] },
];

describe('answer page helpers', () => {
  it('shows a follow-up only when its condition holds', () => {
    expect(visibleQuestions(sections[0]!, {}).map((q) => q.id)).toEqual(['a']);
    expect(visibleQuestions(sections[0]!, { a: 'yes' }).map((q) => q.id)).toEqual(['a', 'b']);
  });

  it('sends every question of the section, null for the unanswered', () => {
    expect(sectionPayload(sections[0]!, { a: 'no', c: 3 })).toEqual({ a: 'no', b: null });
  });

  it('finds missing required answers on submission only, and the section that holds them', () => {
    expect(localIssues(sections, { a: 'yes' }, { requireComplete: false })).toEqual({});
    const issues = localIssues(sections, { a: 'yes', c: 9 }, { requireComplete: true });
    expect(issues).toEqual({ b: 'required', c: 'out_of_range' });
    expect(firstSectionWithIssue(sections, { c: 'out_of_range' })).toBe(1);
  });

  it('reads the server field errors by question', () => {
    expect(issuesFromServer([{ path: 'answers.c', message: 'unknown_municipality' }, { path: 'version', message: 'x' }])).toEqual({ c: 'unknown_municipality' });
  });

  it('after a section save keeps the unsaved answers of other sections, and what the server dropped in this one', () => {
    expect(mergeSection({ a: 'no', b: 'hidden', c: 4 }, { a: 'no' }, sections[0]!)).toEqual({ a: 'no', c: 4 });
  });
});
