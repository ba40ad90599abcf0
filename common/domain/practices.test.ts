import { describe, expect, it } from 'vitest';
import { isLessonOutcome, missingLessonFields, normalizeTags } from './practices';

describe('missingLessonFields: a partial or failed practice states its cause and its lesson', () => {
  it('asks nothing of a success', () => {
    expect(missingLessonFields({ outcome: 'success', failureCause: '', lessonLearned: '' })).toEqual([]);
  });

  it('names both fields of a failure that states neither, in form order', () => {
    expect(missingLessonFields({ outcome: 'failure', failureCause: '', lessonLearned: '' })).toEqual(['failureCause', 'lessonLearned']);
  });

  it('treats a text of spaces and line breaks as blank', () => {
    expect(missingLessonFields({ outcome: 'partial', failureCause: '  \n\t', lessonLearned: 'Coinvolgere prima i medici' })).toEqual(['failureCause']);
    expect(missingLessonFields({ outcome: 'partial', failureCause: 'Pochi iscritti', lessonLearned: ' ' })).toEqual(['lessonLearned']);
  });

  it('accepts a failure with its cause and lesson', () => {
    expect(missingLessonFields({ outcome: 'failure', failureCause: 'Pochi iscritti', lessonLearned: 'Passare dai medici di base' })).toEqual([]);
  });

  it('counts partial and failure, never success, as lessons', () => {
    expect([isLessonOutcome('success'), isLessonOutcome('partial'), isLessonOutcome('failure')]).toEqual([false, true, true]);
  });
});

describe('normalizeTags', () => {
  it('trims, collapses spaces, lowers case, drops blanks and repeats in order', () => {
    expect(normalizeTags([' Anziani ', 'anziani', '', 'Trasporto  sociale', '  '])).toEqual(['anziani', 'trasporto sociale']);
  });
});
