import { ZSurveyUpdate, type TSurvey, type TSurveyUpdate } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import { fieldError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import type { UseCaseContext } from '../../platform/use-case';
import { changeSurvey, orderedQuestionsOf } from './survey-view';
import { SurveyActions } from './surveys.policy';
import { updateSurveyColumns, type NewSurvey } from './surveys.repository';

/**
 * Edits a survey's texts, dates and needs settings (the people question must be a number question, the
 * municipality question a municipality question of this survey).
 */
export async function updateSurvey(context: UseCaseContext, id: string, rawInput: TSurveyUpdate): Promise<TSurvey> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  const input = parseInput(ZSurveyUpdate, rawInput);
  return changeSurvey(context, id, input.version, 'surveys.update-survey', async (tx, survey, before) => {
    const opensOn = input.opensOn === undefined ? survey.opensOn : input.opensOn;
    const closesOn = input.closesOn === undefined ? survey.closesOn : input.closesOn;
    if (opensOn && closesOn && closesOn < opensOn) throw fieldError('closesOn', 'must not be before the opening date');
    const questions = orderedQuestionsOf(before);
    const checkRef = (questionId: string | null | undefined, type: string, path: string) => {
      if (!questionId) return;
      const question = questions.find((candidate) => candidate.id === questionId);
      if (!question || question.type !== type) throw fieldError(path, `must be a ${type} question of this survey`);
    };
    checkRef(input.needsPeopleQuestionId, 'number', 'needsPeopleQuestionId');
    checkRef(input.needsMunicipalityQuestionId, 'municipality', 'needsMunicipalityQuestionId');
    const changes: Partial<NewSurvey> = {};
    if (input.title !== undefined) changes.title = input.title;
    if (input.introduction !== undefined) changes.introduction = input.introduction;
    if (input.privacyNotice !== undefined) changes.privacyNotice = input.privacyNotice;
    if (input.opensOn !== undefined) changes.opensOn = input.opensOn;
    if (input.closesOn !== undefined) changes.closesOn = input.closesOn;
    if (input.needsPeopleQuestionId !== undefined) changes.needsPeopleQuestionId = input.needsPeopleQuestionId;
    if (input.needsMunicipalityQuestionId !== undefined) changes.needsMunicipalityQuestionId = input.needsMunicipalityQuestionId;
    if (input.needsMinRelevance !== undefined) changes.needsMinRelevance = input.needsMinRelevance;
    await updateSurveyColumns(tx, id, changes);
  });
}
