import { can } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { SurveyActions } from './surveys.policy';
import { selectDistrictSurveyCount } from './surveys.repository';

/**
 * How many surveys the district has, for the district page's links: only for those who manage them (its
 * coordinators, platform admins); null for anyone else, who has no surveys page of the district to go to.
 */
export async function countDistrictSurveys(context: UseCaseContext, districtId: string): Promise<number | null> {
  if (!can(context.actor, SurveyActions['surveys.manage'], { districtId })) return null;
  return selectDistrictSurveyCount(context.db.orm, districtId);
}
