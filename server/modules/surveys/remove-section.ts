import type { TSurvey } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import { notFound } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { checkAllConditions } from './question-rules';
import { changeSurvey, orderedQuestionsOf } from './survey-view';
import { questionHasAnswers } from './surveys.errors';
import { SurveyActions } from './surveys.policy';
import { deleteSection } from './surveys.repository';

/** Removes a section with its questions, refused (409, naming the question) when one of them has answers. */
export async function removeSection(context: UseCaseContext, surveyId: string, sectionId: string, version: number): Promise<TSurvey> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  return changeSurvey(context, surveyId, version, 'surveys.remove-section', async (tx, _survey, before) => {
    const section = before.sections.find((candidate) => candidate.id === sectionId);
    if (!section) throw notFound('section', sectionId);
    const answered = section.questions.find((question) => question.answerCount > 0);
    if (answered) throw questionHasAnswers(answered, 'remove', answered.answerCount);
    checkAllConditions(orderedQuestionsOf(before).filter((question) => question.sectionId !== sectionId));
    await deleteSection(tx, sectionId);
  });
}
