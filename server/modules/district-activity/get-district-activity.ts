import type { TDistrictActivity } from '../../../common/contracts/district-activity';
import { notFound } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { findDistrictRow } from '../districts';
import { countDistrictMatching } from '../matching';
import { countDistrictOpenNeeds } from '../needs';
import { countDistrictSurveys } from '../surveys';

/**
 * The counts beside the district page's links to its surveys, needs, gaps, proposals and referrals. Each owner module
 * counts its own rows by its own access rule (a count the reader may not see is null), so this use case adds no rule
 * of its own: the district page is public, what it counts is not.
 */
export async function getDistrictActivity(context: UseCaseContext, districtId: string): Promise<TDistrictActivity> {
  if (!(await findDistrictRow(context.db.orm, districtId))) throw notFound('district', districtId);
  const [surveys, openNeeds, matching] = await Promise.all([
    countDistrictSurveys(context, districtId),
    countDistrictOpenNeeds(context, districtId),
    countDistrictMatching(context, districtId),
  ]);
  return { districtId, surveys, openNeeds, ...matching };
}
