import { ZSectionInput, type TSectionInput, type TSurvey } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import { notFound } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import type { UseCaseContext } from '../../platform/use-case';
import { changeSurvey } from './survey-view';
import { SurveyActions } from './surveys.policy';
import { updateSection as updateSectionRow } from './surveys.repository';

/** Renames a section or changes its description. */
export async function updateSection(context: UseCaseContext, surveyId: string, sectionId: string, rawInput: TSectionInput): Promise<TSurvey> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  const input = parseInput(ZSectionInput, rawInput);
  return changeSurvey(context, surveyId, input.version, 'surveys.update-section', async (tx, _survey, before) => {
    if (!before.sections.some((section) => section.id === sectionId)) throw notFound('section', sectionId);
    await updateSectionRow(tx, sectionId, { title: input.title, description: input.description });
  });
}
