import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { ZoningActions } from './zonings.policy';
import { zoningNotFound } from './zonings.errors';
import { selectAssignments, selectZoningRow } from './zonings.repository';

/** Every municipality of a zoning with its zone, name and population: the input of the in-memory baseline. */
export async function listAssignments(context: UseCaseContext, zoningId: string) {
  assertCan(context.actor, ZoningActions['zonings.read'], { zoningId });
  if (!(await selectZoningRow(context.db.orm, zoningId))) throw zoningNotFound(zoningId);
  return selectAssignments(context.db.orm, { kind: 'zoning', id: zoningId });
}
