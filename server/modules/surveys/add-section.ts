import { ZSectionInput, type TSectionInput, type TSurvey } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import { parseInput } from '../../platform/errors/parse-input';
import type { UseCaseContext } from '../../platform/use-case';
import { changeSurvey } from './survey-view';
import { SurveyActions } from './surveys.policy';
import { insertSection } from './surveys.repository';

/** Appends a section (allowed in an open survey too: adding never breaks collected answers). */
export async function addSection(context: UseCaseContext, surveyId: string, rawInput: TSectionInput): Promise<TSurvey> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  const input = parseInput(ZSectionInput, rawInput);
  return changeSurvey(context, surveyId, input.version, 'surveys.add-section', async (tx, _survey, before) => {
    const position = Math.max(-1, ...before.sections.map((section) => section.position)) + 1;
    await insertSection(tx, { surveyId, position, title: input.title, description: input.description });
  });
}
