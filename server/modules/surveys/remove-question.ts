import type { TSurvey } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import { notFound } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { checkAllConditions } from './question-rules';
import { changeSurvey, orderedQuestionsOf } from './survey-view';
import { questionHasAnswers } from './surveys.errors';
import { SurveyActions } from './surveys.policy';
import { deleteQuestion, updateSurveyColumns } from './surveys.repository';

/** Removes a question without answers (409 naming it otherwise); a follow-up that depends on it must go first. */
export async function removeQuestion(context: UseCaseContext, surveyId: string, questionId: string, version: number): Promise<TSurvey> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  return changeSurvey(context, surveyId, version, 'surveys.remove-question', async (tx, survey, before) => {
    const ordered = orderedQuestionsOf(before);
    const question = ordered.find((candidate) => candidate.id === questionId);
    if (!question) throw notFound('question', questionId);
    if (question.answerCount > 0) throw questionHasAnswers(question, 'remove', question.answerCount);
    checkAllConditions(ordered.filter((candidate) => candidate.id !== questionId));
    await updateSurveyColumns(tx, surveyId, {
      ...(survey.needsPeopleQuestionId === questionId ? { needsPeopleQuestionId: null } : {}),
      ...(survey.needsMunicipalityQuestionId === questionId ? { needsMunicipalityQuestionId: null } : {}),
    });
    await deleteQuestion(tx, questionId);
  });
}
