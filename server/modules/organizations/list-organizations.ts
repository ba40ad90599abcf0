import { DIRECTORY_COUNT_CAP, type TOrganizationFilters, type TOrganizationListQuery, type TOrganizationPage, type TOrganizationPoints } from '../../../common/contracts/organizations';
import { assertCan } from '../../platform/access/policy';
import { fieldError } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { OrganizationActions } from './organizations.policy';
import { selectOrganizationPage, selectOrganizationPoints, toSummary } from './organizations.repository';

/** The map shows at most this many points; past it the page asks to narrow the filters. */
export const MAP_POINTS_MAX = 5000;

function decodeCursor(cursor: string | undefined): { nameFolded: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [nameFolded, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof nameFolded !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { nameFolded, id };
  } catch {
    throw fieldError('cursor', 'not a cursor returned by this list');
  }
}

/** The public directory: filters, Italian full-text search on public fields, keyset pages in name order. */
export async function listOrganizations(context: UseCaseContext, query: TOrganizationListQuery): Promise<TOrganizationPage> {
  assertCan(context.actor, OrganizationActions['organizations.read']);
  const { cursor, limit, ...filters } = query;
  const { rows, total, isTotalCapped } = await selectOrganizationPage(context.db.orm, filters, decodeCursor(cursor), limit, DIRECTORY_COUNT_CAP);
  const last = rows[rows.length - 1];
  const nextCursor = rows.length === limit && last ? Buffer.from(JSON.stringify([last.name_folded, last.id])).toString('base64url') : null;
  return { items: rows.map(toSummary), nextCursor, total, isTotalCapped };
}

/** The directory's organizations as map points (their own point, else their municipality's). */
export async function listOrganizationPoints(context: UseCaseContext, filters: TOrganizationFilters): Promise<TOrganizationPoints> {
  assertCan(context.actor, OrganizationActions['organizations.read']);
  return selectOrganizationPoints(context.db.orm, filters, MAP_POINTS_MAX);
}
