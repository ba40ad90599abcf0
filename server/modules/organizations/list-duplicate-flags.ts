import type { z } from 'zod';
import type { ZDuplicateFlagList } from '../../../common/contracts/organizations';
import { isPlatformAdmin } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { OrganizationActions } from './organizations.policy';
import { selectDuplicateFlags, toSummary } from './organizations.repository';

/** Open probable-duplicate flags a coordinator can act on: organizations headquartered in their districts. */
export async function listDuplicateFlags(context: UseCaseContext): Promise<z.infer<typeof ZDuplicateFlagList>> {
  assertCan(context.actor, OrganizationActions['organizations.review-duplicates']);
  const actor = context.actor;
  const districtIds = actor.kind === 'user' ? actor.grants.filter((g) => g.role === 'district_coordinator' && g.districtId).map((g) => g.districtId!) : [];
  const rows = await selectDuplicateFlags(context.db.orm, { allDistricts: isPlatformAdmin(actor), districtIds });
  return { items: rows.map((r) => ({ id: r.id, similarity: r.similarity, status: r.status, organization: toSummary(r.organization), candidate: toSummary(r.candidate) })) };
}
