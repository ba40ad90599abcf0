import { ZSurveyDuplicate, type TSurvey } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import { parseInput } from '../../platform/errors/parse-input';
import type { UseCaseContext } from '../../platform/use-case';
import type { z } from 'zod';
import { createSurvey } from './create-survey';
import { loadSurveyView, requireManagedSurvey } from './survey-view';
import { templateOf } from './survey-template';
import { SurveyActions } from './surveys.policy';

/** A new draft with the same questions (e.g. next year's edition, or another district's copy); no answers are copied. */
export async function duplicateSurvey(context: UseCaseContext, id: string, rawInput: z.input<typeof ZSurveyDuplicate>): Promise<TSurvey> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  const input = parseInput(ZSurveyDuplicate, rawInput);
  await requireManagedSurvey(context, context.db.orm, id);
  const source = await loadSurveyView(context.db.orm, id);
  return createSurvey(
    context,
    {
      districtId: input.districtId === undefined ? source.districtId : input.districtId,
      regionCode: source.regionCode,
      title: input.title ?? `${source.title} (copia)`,
      introduction: source.introduction,
      privacyNotice: source.privacyNotice,
    },
    templateOf(source),
  );
}
