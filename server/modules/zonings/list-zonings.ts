import type { TZoningSummary } from '../../../common/contracts/zonings';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { ZoningActions } from './zonings.policy';
import { selectZoningSummaries } from './zonings.repository';

/** Every zoning with its domain, coverage, number of zones and population: the public index of maps. */
export async function listZonings(context: UseCaseContext): Promise<TZoningSummary[]> {
  assertCan(context.actor, ZoningActions['zonings.read']);
  return selectZoningSummaries(context.db.orm);
}
