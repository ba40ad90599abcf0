/** The practices base's vocabulary (issue 15, shared knowledge), shared by the server and the web app. */

/** How a practice went: failures and partial results are kept as first-class knowledge, not only successes. */
export const PRACTICE_OUTCOMES = ['success', 'partial', 'failure'] as const;
export type PracticeOutcome = (typeof PRACTICE_OUTCOMES)[number];

/**
 * Who reads a practice: the members of its district only (their organizations' people and the coordinators), every
 * signed-in user of the platform, or everyone (it then has a public page).
 */
export const PRACTICE_VISIBILITIES = ['district', 'signed_in', 'public'] as const;
export type PracticeVisibility = (typeof PRACTICE_VISIBILITIES)[number];

export const PRACTICE_TITLE_MAX = 200;
/** Long texts (Markdown): what was tried, what worked, what did not, the cause, the lesson, resources, contacts. */
export const PRACTICE_TEXT_MAX = 20_000;
export const PRACTICE_TAG_MAX = 40;
export const PRACTICE_TAGS_MAX = 12;
export const PRACTICE_LINKED_ORGANIZATIONS_MAX = 20;
/** The most working groups one practice names. */
export const PRACTICE_LINKED_GROUPS_MAX = 20;

/** The outcomes the "failures and lessons" filter shows. */
export const LESSON_OUTCOMES: readonly PracticeOutcome[] = ['partial', 'failure'];

export function isLessonOutcome(outcome: PracticeOutcome): boolean {
  return LESSON_OUTCOMES.includes(outcome);
}

/** The fields a partial or failed practice must state. */
export type LessonField = 'failureCause' | 'lessonLearned';

/**
 * Failures are first-class: a practice whose outcome is partial or a failure must say why (`failureCause`) and what
 * would be done differently (`lessonLearned`). Returns the fields left blank (only spaces count as blank), in form
 * order; empty when the practice may be saved.
 */
export function missingLessonFields(practice: { outcome: PracticeOutcome; failureCause: string; lessonLearned: string }): LessonField[] {
  if (!isLessonOutcome(practice.outcome)) return [];
  const missing: LessonField[] = [];
  if (practice.failureCause.trim() === '') missing.push('failureCause');
  if (practice.lessonLearned.trim() === '') missing.push('lessonLearned');
  return missing;
}

/** A tag as stored: trimmed, inner spaces collapsed, lower case (so "Anziani " and "anziani" are one tag). */
export function normalizeTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Tags as stored: normalized, blanks and repeats dropped, in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normalizeTag).filter((tag) => tag !== ''))];
}
