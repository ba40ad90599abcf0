import type { TAnswerForm, TPublicQuestion } from '../../../common/contracts/surveys';
import { checkAnswers, isVisible, type AnswerableQuestion, type Answers } from '../../../common/domain/surveys';

export type AnswerSection = TAnswerForm['sections'][number];

const answerable = (question: TPublicQuestion): AnswerableQuestion => ({
  id: question.id, type: question.type, isRequired: question.isRequired, config: question.config, condition: question.condition,
});

/** The questions of a section shown with the answers so far (follow-ups appear when their condition holds). */
export function visibleQuestions(section: AnswerSection, answers: Answers): TPublicQuestion[] {
  return section.questions.filter((question) => isVisible(answerable(question), answers));
}

/**
 * The part of the answers a section save sends: every question of the section, with null for the unanswered ones
 * (so clearing an answer clears it on the server too).
 */
export function sectionPayload(section: AnswerSection, answers: Answers): Answers {
  return Object.fromEntries(section.questions.map((question) => [question.id, answers[question.id] ?? null]));
}

/** Problems the page can see before sending (the server checks again, and also municipalities). */
export function localIssues(sections: AnswerSection[], answers: Answers, options: { onlySection?: AnswerSection; requireComplete: boolean }): Record<string, string> {
  const all = sections.flatMap((section) => section.questions).map(answerable);
  const { issues } = checkAnswers(all, answers, { requireComplete: options.requireComplete });
  const inSection = options.onlySection ? new Set(options.onlySection.questions.map((question) => question.id)) : null;
  return Object.fromEntries(issues.filter((issue) => !inSection || inSection.has(issue.questionId)).map((issue) => [issue.questionId, issue.reason]));
}

/** Server field errors (`answers.<questionId>`) → reason by question id. */
export function issuesFromServer(fields: { path: string; message: string }[]): Record<string, string> {
  return Object.fromEntries(fields.filter((field) => field.path.startsWith('answers.')).map((field) => [field.path.slice('answers.'.length), field.message]));
}

/** The first section holding one of these questions (to show the respondent where to look). */
export function firstSectionWithIssue(sections: AnswerSection[], issues: Record<string, string>): number {
  const index = sections.findIndex((section) => section.questions.some((question) => issues[question.id]));
  return index < 0 ? 0 : index;
}

/** After a section save: that section's answers as the server kept them, the other sections' as the page has them. */
export function mergeSection(current: Answers, saved: Answers, section: AnswerSection): Answers {
  const next = { ...current };
  for (const question of section.questions) {
    if (saved[question.id] === undefined) delete next[question.id];
    else next[question.id] = saved[question.id];
  }
  return next;
}
