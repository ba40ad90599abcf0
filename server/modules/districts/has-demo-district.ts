import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { DistrictActions } from './districts.policy';
import { selectHasDemoDistrict } from './districts.repository';

/** Whether the demo district was already seeded, so seeding twice is a no-op rather than a duplicate. */
export async function hasDemoDistrict(context: UseCaseContext): Promise<boolean> {
  assertCan(context.actor, DistrictActions['districts.read']);
  return selectHasDemoDistrict(context.db.orm);
}
