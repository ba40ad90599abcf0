import type { TDistrictSummary } from '../../../common/contracts/districts';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { DistrictActions } from './districts.policy';
import { selectDistrictSummaries } from './districts.repository';

/** Every district with its size and coordinator: the public index of districts. */
export async function listDistricts(context: UseCaseContext): Promise<TDistrictSummary[]> {
  assertCan(context.actor, DistrictActions['districts.read']);
  return selectDistrictSummaries(context.db.orm);
}
