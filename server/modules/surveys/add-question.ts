import { ZQuestionInput, type TQuestionInput, type TSurvey } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import { fieldError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import type { UseCaseContext } from '../../platform/use-case';
import { checkCondition, normalizeConfig } from './question-rules';
import { changeSurvey, orderedQuestionsOf } from './survey-view';
import { duplicateQuestionCode } from './surveys.errors';
import { SurveyActions } from './surveys.policy';
import { insertQuestion } from './surveys.repository';

/**
 * Appends a question to a section (allowed in an open survey: adding never breaks collected answers). Its
 * condition may only point to an earlier question; need mappings must name taxonomy categories.
 */
export async function addQuestion(context: UseCaseContext, surveyId: string, rawInput: TQuestionInput): Promise<TSurvey> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  const input = parseInput(ZQuestionInput, rawInput);
  return changeSurvey(context, surveyId, input.version, 'surveys.add-question', async (tx, _survey, before) => {
    const sectionIndex = before.sections.findIndex((section) => section.id === input.sectionId);
    if (sectionIndex < 0) throw fieldError('sectionId', 'is not a section of this survey');
    const ordered = orderedQuestionsOf(before);
    if (ordered.some((question) => question.code === input.code)) throw duplicateQuestionCode(input.code);
    const section = before.sections[sectionIndex]!;
    // Everything up to the end of the chosen section comes before the new question.
    const earlier = before.sections.slice(0, sectionIndex + 1).flatMap((candidate) => candidate.questions);
    checkCondition(input.condition, earlier);
    const { config, producesNeeds } = await normalizeConfig(tx, input.type, input.config);
    await insertQuestion(tx, {
      surveyId, sectionId: section.id, position: Math.max(-1, ...section.questions.map((question) => question.position)) + 1,
      code: input.code, type: input.type, label: input.label, helpText: input.helpText, isRequired: input.isRequired,
      config, condition: input.condition, producesNeeds,
    });
  });
}
