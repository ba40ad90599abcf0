import type { TSurvey } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { loadSurveyView, requireManagedSurvey } from './survey-view';
import { SurveyActions } from './surveys.policy';

/** One survey with its questionnaire and counts, for those who manage it (others get 404). */
export async function getSurvey(context: UseCaseContext, id: string): Promise<TSurvey> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  await requireManagedSurvey(context, context.db.orm, id);
  return loadSurveyView(context.db.orm, id);
}
