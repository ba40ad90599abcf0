import { z } from 'zod';
import type { TMunicipalitySearchQuery, TMunicipalitySummary } from '../../../common/contracts/territory';
import { foldForSearch } from '../../../common/domain/text';
import { assertCan } from '../../platform/access/policy';
import { fieldError } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { TerritoryActions } from './territory.policy';
import { selectMunicipalities, type SearchSortKey } from './territory.repository';

// The cursor is the last row's sort key, opaque to clients: base64url of [rank, distance, nameFolded, istatCode].
const ZCursor = z.tuple([z.number().int().min(0), z.number().int().min(0), z.string(), z.string().regex(/^\d{6}$/)]);

function encodeCursor(key: SearchSortKey): string {
  return Buffer.from(JSON.stringify([key.rank, key.distance, key.nameFolded, key.istatCode])).toString('base64url');
}

function decodeCursor(cursor: string): SearchSortKey {
  try {
    const [rank, distance, nameFolded, istatCode] = ZCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { rank, distance, nameFolded, istatCode };
  } catch {
    throw fieldError('cursor', 'is not a cursor this endpoint returned');
  }
}

/** Below three letters a query has no trigram of its own: similar spellings would be noise. */
const SIMILAR_MIN_LENGTH = 3;

/**
 * Finds municipalities by name for pickers and search boxes, accent- and case-insensitively (`aglie` finds Agliè),
 * tolerating typos (`pineroli` finds Pinerolo): exact and prefix matches first, then names containing the query,
 * then similar spellings (closest first); alphabetical within each group. Keyset pages: pass `nextCursor` back as
 * `cursor`.
 */
export async function searchMunicipalities(
  context: UseCaseContext,
  query: TMunicipalitySearchQuery,
): Promise<{ items: TMunicipalitySummary[]; nextCursor: string | null }> {
  assertCan(context.actor, TerritoryActions['territory.read']);
  const base = { query: foldForSearch(query.q ?? ''), regionCode: query.region, provinceCode: query.province };
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  // One extra row tells whether there is a next page without a count query.
  const wanted = query.limit + 1;
  const items: TMunicipalitySummary[] = [];
  const sortKeys: SearchSortKey[] = [];
  const append = (result: { items: TMunicipalitySummary[]; sortKeys: SearchSortKey[] }) => {
    items.push(...result.items);
    sortKeys.push(...result.sortKeys);
  };
  if (!after || after.rank < 3) {
    append(await selectMunicipalities(context.db.orm, { ...base, match: 'text', after, limit: wanted }));
  }
  // Similar spellings come after every textual match, so they are only looked up (the costlier trigram scan) when
  // the textual matches do not fill the page.
  if (items.length < wanted && base.query.length >= SIMILAR_MIN_LENGTH) {
    const similarAfter = after && after.rank === 3 ? after : null;
    append(await selectMunicipalities(context.db.orm, { ...base, match: 'similar', after: similarAfter, limit: wanted - items.length }));
  }
  const hasMore = items.length > query.limit;
  return {
    items: items.slice(0, query.limit),
    nextCursor: hasMore ? encodeCursor(sortKeys[query.limit - 1]!) : null,
  };
}
