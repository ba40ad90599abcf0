import { AppError, notFound } from '../../platform/errors/app-error';

export const surveyNotFound = (id: string) => notFound('survey', id);
/** A token that matches nothing (or a survey not open yet): the same 404 either way, revealing nothing. */
export const answerLinkNotFound = () => notFound('survey link', '(token)');

export const questionHasAnswers = (question: { id: string; code: string; label: string }, change: 'remove' | 'retype' | 'remove_item', answerCount: number, item?: string) =>
  new AppError(
    'SURVEYS.QUESTION_HAS_ANSWERS',
    change === 'remove_item'
      ? `Question "${question.code}" (${question.label}) has answers choosing "${item}": that option or row cannot be removed`
      : `Question "${question.code}" (${question.label}) has ${answerCount} answer(s): it cannot be ${change === 'remove' ? 'removed' : 'given another type'}`,
    { questionId: question.id, questionCode: question.code, questionLabel: question.label, change, item: item ?? null, answerCount },
  );

export const invalidTransition = (from: string, to: string, reason: string) =>
  new AppError('SURVEYS.INVALID_TRANSITION', `A ${from} survey cannot become ${to}: ${reason}`, { from, to });

export const surveyNotAcceptingAnswers = (state: 'closed' | 'not_yet_open', closesOn: string | null) =>
  new AppError(
    'SURVEYS.CLOSED',
    state === 'closed' ? `This survey is closed${closesOn ? ` (it closed on ${closesOn})` : ''}: answers can no longer be changed` : 'This survey is not open yet',
    { state, closesOn },
  );

export const duplicateQuestionCode = (code: string) =>
  new AppError('SURVEYS.DUPLICATE_QUESTION_CODE', `Another question of this survey has the code "${code}"`, { fields: [{ path: 'code', message: 'already used in this survey', reason: 'already-used' }] });
