import type { TInvitation } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { requireManagedSurvey } from './survey-view';
import { SurveyActions } from './surveys.policy';
import { selectInvitationList } from './surveys.repository';

/** The survey's invitations with their e-mail state (queued, sent, failed) and whether each organization answered. */
export async function listInvitations(context: UseCaseContext, surveyId: string): Promise<TInvitation[]> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  await requireManagedSurvey(context, context.db.orm, surveyId);
  return selectInvitationList(context.db.orm, surveyId);
}
