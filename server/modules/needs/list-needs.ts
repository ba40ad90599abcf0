import type { TNeedFilters, TNeedListQuery, TNeedPage } from '../../../common/contracts/needs';
import { can, assertCan } from '../../platform/access/policy';
import { fieldError } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { toNeed } from './need-views';
import { organizationIdsOf } from '../../platform/access/actor';
import { NeedActions } from './needs.policy';
import { selectCurrentMembers, selectNeedPage } from './needs.repository';
import { recordAccess } from '../../platform/audit/audit';

function decodeCursor(cursor: string | undefined): { expressedOn: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [expressedOn, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expressedOn) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { expressedOn, id };
  } catch {
    throw fieldError('cursor', 'not a cursor returned by this list');
  }
}

/** The actor's organizations that are current members of the district (empty for coordinators of other districts). */
export async function memberOrganizationsOf(context: UseCaseContext, districtId: string): Promise<string[]> {
  return selectCurrentMembers(context.db.orm, districtId, organizationIdsOf(context.actor));
}

/**
 * The needs register of a district, newest first, with filters. Coordinators and admins see every need with its
 * organization and description; a member organization sees only its own needs (the others only as counts).
 */
export async function listNeeds(context: UseCaseContext, query: TNeedListQuery): Promise<TNeedPage> {
  const memberOrganizations = await memberOrganizationsOf(context, query.districtId);
  assertCan(context.actor, NeedActions['needs.list'], { districtId: query.districtId, isMember: memberOrganizations.length > 0 });
  const seesAll = can(context.actor, NeedActions['needs.read-all'], { districtId: query.districtId });
  const { cursor, limit, ...filters } = query;
  const { rows, total } = await selectNeedPage(context.db.orm, filters satisfies TNeedFilters, seesAll ? null : memberOrganizations, decodeCursor(cursor), limit);
  const last = rows[rows.length - 1];
  const nextCursor = rows.length === limit && last ? Buffer.from(JSON.stringify([last.expressed_on, last.id])).toString('base64url') : null;
  await recordAccess(context, { action: 'needs.list-needs', entityType: 'district', entityId: query.districtId, details: { filters, served: rows.length, scope: seesAll ? 'all' : 'own' } });
  return { items: rows.map(toNeed), nextCursor, total, scope: seesAll ? 'all' : 'own' };
}
