import type { TProvince } from '../../../common/contracts/territory';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { TerritoryActions } from './territory.policy';
import { selectProvinces } from './territory.repository';

/** Lists provinces by ISTAT code (optionally one region's), with population and number of municipalities. */
export async function listProvinces(context: UseCaseContext, filter: { region?: string } = {}): Promise<TProvince[]> {
  assertCan(context.actor, TerritoryActions['territory.read']);
  return selectProvinces(context.db.orm, { regionCode: filter.region });
}
