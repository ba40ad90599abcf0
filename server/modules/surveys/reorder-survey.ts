import { ZSurveyReorder, type TSurvey, type TSurveyReorder } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import { fieldError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import type { UseCaseContext } from '../../platform/use-case';
import { checkAllConditions } from './question-rules';
import { changeSurvey, orderedQuestionsOf } from './survey-view';
import { SurveyActions } from './surveys.policy';
import { updateQuestion, updateSection } from './surveys.repository';

/**
 * Puts sections and questions in a new order (questions may move between sections). Every section and question must
 * be listed once, and every follow-up must still come after the question it depends on.
 */
export async function reorderSurvey(context: UseCaseContext, surveyId: string, rawInput: TSurveyReorder): Promise<TSurvey> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  const input = parseInput(ZSurveyReorder, rawInput);
  return changeSurvey(context, surveyId, input.version, 'surveys.reorder-survey', async (tx, _survey, before) => {
    const questions = new Map(orderedQuestionsOf(before).map((question) => [question.id, question]));
    const sectionIds = new Set(before.sections.map((section) => section.id));
    const listedSections = input.sections.map((section) => section.id);
    const listedQuestions = input.sections.flatMap((section) => section.questionIds);
    if (listedSections.length !== sectionIds.size || new Set(listedSections).size !== sectionIds.size || listedSections.some((id) => !sectionIds.has(id))) {
      throw fieldError('sections', 'must list every section of the survey once');
    }
    if (listedQuestions.length !== questions.size || new Set(listedQuestions).size !== questions.size || listedQuestions.some((id) => !questions.has(id))) {
      throw fieldError('sections', 'must list every question of the survey once');
    }
    checkAllConditions(listedQuestions.map((id) => questions.get(id)!));
    for (const [sectionIndex, section] of input.sections.entries()) {
      await updateSection(tx, section.id, { position: sectionIndex });
      for (const [questionIndex, questionId] of section.questionIds.entries()) {
        await updateQuestion(tx, questionId, { sectionId: section.id, position: questionIndex });
      }
    }
  });
}
