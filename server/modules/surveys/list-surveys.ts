import type { TSurveySummary } from '../../../common/contracts/surveys';
import { isPlatformAdmin } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { coordinatedDistrictIds, SurveyActions } from './surveys.policy';
import { selectSurveySummaries } from './surveys.repository';

/** The surveys the actor manages: every survey for platform admins, their districts' for coordinators. */
export async function listSurveys(context: UseCaseContext): Promise<TSurveySummary[]> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  const districtIds = isPlatformAdmin(context.actor) ? null : coordinatedDistrictIds(context.actor);
  if (districtIds !== null && districtIds.length === 0) return [];
  return selectSurveySummaries(context.db.orm, districtIds);
}
