import { OTHER_CHOICE, type Answers, type QuestionType } from '../../../common/domain/surveys';
import type { AnswerRow } from './surveys.repository';

type StoredAnswer = Omit<AnswerRow, 'responseId'>;
const row = (questionId: string, values: Partial<StoredAnswer>): StoredAnswer => ({
  questionId, itemCode: '', choiceCode: null, numberValue: null, textValue: null, ...values,
});

/**
 * One checked answer → the rows of survey_answers (see the migration's header): one row per answered item, so a
 * report counts choices and averages relevance with one GROUP BY.
 */
export function answerToRows(question: { id: string; type: QuestionType }, value: unknown): StoredAnswer[] {
  const id = question.id;
  switch (question.type) {
    case 'single_choice': {
      const answer = value as { choice: string; other?: string };
      return [row(id, { choiceCode: answer.choice, textValue: answer.choice === OTHER_CHOICE ? answer.other!.trim() : null })];
    }
    case 'multiple_choice': {
      const answer = value as { choices: string[]; other?: string };
      return answer.choices.map((code) => row(id, { itemCode: code, choiceCode: code, textValue: code === OTHER_CHOICE ? answer.other!.trim() : null }));
    }
    case 'matrix':
      return Object.entries(value as Record<string, number>).map(([rowCode, relevance]) => row(id, { itemCode: rowCode, numberValue: relevance }));
    case 'scale':
    case 'number':
      return [row(id, { numberValue: value as number })];
    case 'short_text':
    case 'long_text':
      return [row(id, { textValue: value as string })];
    case 'municipality':
    case 'yes_no':
      return [row(id, { choiceCode: value as string })];
  }
}

/** Stored rows → the answers as the answer page sends them, by question id. */
export function rowsToAnswers(questions: { id: string; type: QuestionType }[], rows: StoredAnswer[]): Answers {
  const types = new Map(questions.map((question) => [question.id, question.type]));
  const answers: Answers = {};
  for (const stored of rows) {
    const type = types.get(stored.questionId);
    if (!type) continue;
    const current = answers[stored.questionId];
    switch (type) {
      case 'single_choice':
        answers[stored.questionId] = stored.choiceCode === OTHER_CHOICE ? { choice: OTHER_CHOICE, other: stored.textValue ?? '' } : { choice: stored.choiceCode };
        break;
      case 'multiple_choice': {
        const answer = (current as { choices: string[]; other?: string } | undefined) ?? { choices: [] };
        answer.choices.push(stored.choiceCode ?? stored.itemCode);
        if (stored.itemCode === OTHER_CHOICE) answer.other = stored.textValue ?? '';
        answers[stored.questionId] = answer;
        break;
      }
      case 'matrix':
        answers[stored.questionId] = { ...((current as Record<string, number> | undefined) ?? {}), [stored.itemCode]: stored.numberValue! };
        break;
      case 'scale':
      case 'number':
        answers[stored.questionId] = stored.numberValue;
        break;
      case 'short_text':
      case 'long_text':
        answers[stored.questionId] = stored.textValue;
        break;
      case 'municipality':
      case 'yes_no':
        answers[stored.questionId] = stored.choiceCode;
        break;
    }
  }
  // Multiple choices in the question's option order would need the config; a stable alphabetical order is enough.
  for (const value of Object.values(answers)) {
    if (value && typeof value === 'object' && 'choices' in value) (value as { choices: string[] }).choices.sort();
  }
  return answers;
}
