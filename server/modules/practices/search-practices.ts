import { ZPracticeSearchQuery, type TPracticePage, type TPracticeSearchQuery } from '../../../common/contracts/practices';
import { normalizeTag } from '../../../common/domain/practices';
import { parseInput } from '../../platform/errors/parse-input';
import type { UseCaseContext } from '../../platform/use-case';
import { parseItalianSearchQuery } from '../services';
import { toPracticeHit } from './practice-views';
import { practiceReaderOf } from './practices.policy';
import { countVisiblePractices, selectPracticePage, type PracticeSearch } from './practices.repository';

export function practiceSearchOf(raw: TPracticeSearchQuery): PracticeSearch {
  const input = parseInput(ZPracticeSearchQuery, raw);
  return {
    query: parseItalianSearchQuery(input.q),
    outcome: input.outcome,
    lessonsOnly: input.lessons === 'true',
    categoryCode: input.categoryCode,
    districtId: input.districtId,
    tag: input.tag ? normalizeTag(input.tag) : undefined,
    organizationId: input.organizationId,
    groupId: input.groupId,
    limit: input.limit,
    offset: input.offset,
  };
}

/**
 * The practices base searched (Italian full text as in the services search: stems, accents, synonyms) and filtered
 * (outcome, "failures and lessons", category, district, tag, organization, working group), ranked. Anyone may search: each reader gets
 * only the practices their visibility lets them read (public ones for an anonymous visitor).
 */
export async function searchPractices(context: UseCaseContext, raw: TPracticeSearchQuery): Promise<TPracticePage> {
  const search = practiceSearchOf(raw);
  const reader = practiceReaderOf(context.actor);
  const rows = await selectPracticePage(context.db, search, reader);
  const total = rows[0]?.total ?? (search.offset > 0 ? await countVisiblePractices(context.db.orm, search, reader) : 0);
  return { items: rows.map(toPracticeHit), total };
}
