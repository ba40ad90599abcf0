import type { TRegion } from '../../../common/contracts/territory';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { TerritoryActions } from './territory.policy';
import { selectRegions } from './territory.repository';

/** Lists the loaded regions by ISTAT code, with their 2011 population and number of municipalities. */
export async function listRegions(context: UseCaseContext): Promise<TRegion[]> {
  assertCan(context.actor, TerritoryActions['territory.read']);
  return selectRegions(context.db.orm);
}
