import { sql, type SQL } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../platform/db/database';
import { categoryLabelSql, italianTsQuerySql, type ParsedSearchQuery } from '../services';
import { CURRENT_DISTRICT_MEMBERSHIPS_VIEW } from '../districts';
import { linkedGroupsSql, practiceOfGroupSql, type LinkedGroupRow } from './practice-groups.repository';
import { practiceWordsStartingWith } from './practice-search-words.repository';

// The practices base's SQL (issue 15). Visibility is one SQL rule (visibleToSql) every read goes through: the list,
// the search, the page, the export and the file owner's check all call it, so no endpoint has a rule of its own.

/** What the database needs to know of the reader to apply the visibility rule. */
export interface PracticeReader {
  /** Platform administrators and the system actor read everything. */
  readsEverything: boolean;
  isSignedIn: boolean;
  /** The organizations the reader works for (their people read their district's members-only practices). */
  organizationIds: string[];
  /** The districts the reader coordinates. */
  coordinatedDistrictIds: string[];
}

/**
 * Whether the reader may see the practice `p`: public to everyone; `signed_in` to any account; `district` to the
 * district's coordinators, the people of its current member organizations, and the people of the author's
 * organization. Deny by default: an anonymous reader with no grant matches only public practices.
 */
export function visibleToSql(reader: PracticeReader): SQL {
  if (reader.readsEverything) return sql`true`;
  const parts: SQL[] = [sql`p.visibility = 'public'`];
  if (reader.isSignedIn) parts.push(sql`p.visibility = 'signed_in'`);
  if (reader.coordinatedDistrictIds.length > 0) parts.push(sql`p.district_id = any(${sql.param(reader.coordinatedDistrictIds)}::uuid[])`);
  if (reader.organizationIds.length > 0) {
    const ids = sql`${sql.param(reader.organizationIds)}::uuid[]`;
    parts.push(sql`p.organization_id = any(${ids})`);
    parts.push(sql`p.district_id in (select m.district_id from ${sql.raw(CURRENT_DISTRICT_MEMBERSHIPS_VIEW)} m where m.organization_id = any(${ids}))`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

export type PracticeRow = {
  id: string;
  district_id: string;
  district_name: string;
  organization_id: string;
  organization_name: string;
  author_name: string | null;
  title: string;
  what_tried: string;
  what_worked: string;
  what_did_not_work: string;
  failure_cause: string;
  lesson_learned: string;
  resources_needed: string;
  contacts: string;
  territory: string;
  target_group: string | null;
  category_code: string | null;
  category_label: string | null;
  outcome: 'success' | 'partial' | 'failure';
  visibility: 'district' | 'signed_in' | 'public';
  tags: string[];
  linked_organizations: { id: string; name: string }[] | null;
  /** The working groups named (practice-groups.repository.ts), closed ones included. */
  linked_groups: LinkedGroupRow[] | null;
  started_on: string | null;
  ended_on: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  is_demo: boolean;
  version: number;
};

const practiceColumns = sql`
  p.id, p.district_id, d.name as district_name, p.organization_id, o.legal_name as organization_name,
  p.author_name,
  p.title, p.what_tried, p.what_worked, p.what_did_not_work, p.failure_cause, p.lesson_learned, p.resources_needed,
  p.contacts, p.territory, p.target_group, p.category_code, ${categoryLabelSql(sql`p.category_code`)} as category_label,
  p.outcome, p.visibility, p.tags,
  (select json_agg(json_build_object('id', lo.id, 'name', lo.legal_name) order by lo.legal_name)
     from practice_organizations po join organization_names lo on lo.id = po.organization_id
    where po.practice_id = p.id) as linked_organizations,
  ${linkedGroupsSql(sql`p.id`)} as linked_groups,
  p.started_on::text as started_on, p.ended_on::text as ended_on, p.created_at, p.updated_at, p.is_demo, p.version`;

/** One practice when the reader may see it, else null (missing and hidden look the same). */
export async function selectVisiblePractice(db: DbExecutor, id: string, reader: PracticeReader): Promise<PracticeRow | null> {
  const result = await db.execute<PracticeRow>(sql`
    select ${practiceColumns}
    from practices p join district_names d on d.id = p.district_id join organization_names o on o.id = p.organization_id
    where p.id = ${id} and ${visibleToSql(reader)}`);
  return result.rows[0] ?? null;
}

/** The district and organization of a practice, without access check (the caller decides with them). */
export async function selectPracticeOwner(db: DbExecutor, id: string): Promise<{ district_id: string; organization_id: string; version: number } | null> {
  const result = await db.execute<{ district_id: string; organization_id: string; version: number }>(
    sql`select district_id, organization_id, version from practices where id = ${id}`,
  );
  return result.rows[0] ?? null;
}

export interface PracticeSearch {
  query: ParsedSearchQuery | null;
  outcome?: string | undefined;
  lessonsOnly?: boolean | undefined;
  categoryCode?: string | undefined;
  districtId?: string | undefined;
  tag?: string | undefined;
  organizationId?: string | undefined;
  groupId?: string | undefined;
  limit: number;
  offset: number;
}

function filtersOf(search: PracticeSearch, reader: PracticeReader): { where: SQL; tsq: SQL | null } {
  const filters: SQL[] = [visibleToSql(reader)];
  // Computed once per search (a scalar subquery): left as an expression around the prefix look-ups, the query would be
  // put together again for every row it is matched against, ranked on and quoted in.
  const tsq = search.query ? sql`(select ${italianTsQuerySql(search.query, practiceWordsStartingWith)})` : null;
  if (tsq) filters.push(sql`p.search_vector @@ ${tsq}`);
  if (search.outcome) filters.push(sql`p.outcome = ${search.outcome}`);
  if (search.lessonsOnly) filters.push(sql`p.outcome in ('partial', 'failure')`);
  // A category finds its subcategories too ("anziani" finds "anziani.assistenza-domiciliare").
  if (search.categoryCode) filters.push(sql`(p.category_code = ${search.categoryCode} or p.category_code like ${`${search.categoryCode}.%`})`);
  if (search.districtId) filters.push(sql`p.district_id = ${search.districtId}`);
  if (search.tag) filters.push(sql`p.tags @> array[${search.tag}]::text[]`);
  if (search.organizationId) {
    filters.push(sql`(p.organization_id = ${search.organizationId}
      or exists (select 1 from practice_organizations po where po.practice_id = p.id and po.organization_id = ${search.organizationId}))`);
  }
  if (search.groupId) filters.push(practiceOfGroupSql(sql`p.id`, search.groupId));
  return { where: sql.join(filters, sql` and `), tsq };
}

export type PracticeHitRow = {
  id: string;
  title: string;
  outcome: 'success' | 'partial' | 'failure';
  visibility: 'district' | 'signed_in' | 'public';
  district_name: string;
  organization_name: string;
  category_code: string | null;
  category_label: string | null;
  tags: string[];
  snippet: string | null;
  updated_at: Date | string;
  total: number;
};

/**
 * One page of the practices the reader may see, ranked: with words, by full-text relevance (title first, then what was
 * tried, then the rest) with a snippet around the matches (« and » mark them; computed for the page's rows only);
 * without words, the most recently changed first. `total` counts every match.
 */
export async function selectPracticePage(database: Database, search: PracticeSearch, reader: PracticeReader): Promise<PracticeHitRow[]> {
  if (!search.query) return selectPracticePageOn(database.orm, search, reader);
  // As in the services search: a text query is selective, so read it through the GIN index (the planner prices `@@`
  // like a cheap operator and would scan), and skip JIT compilation, which never pays back on one page.
  return database.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local jit = off`);
    return selectPracticePageOn(tx, search, reader);
  });
}

async function selectPracticePageOn(db: DbExecutor, search: PracticeSearch, reader: PracticeReader): Promise<PracticeHitRow[]> {
  const { where, tsq } = filtersOf(search, reader);
  const relevance = tsq ? sql`ts_rank(p.search_vector, ${tsq}, 32)` : sql`0::float4`;
  const snippet = tsq
    ? sql`ts_headline('distretto_italian', p.title || '. ' || p.what_tried || ' ' || p.failure_cause || ' ' || p.lesson_learned || ' ' || p.what_worked,
        ${tsq}, 'StartSel=«, StopSel=», MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "')`
    : sql`null::text`;
  // Matches are found, ranked and counted on the narrow practice_search_entries (its migration says why), in a subquery
  // kept apart (`offset 0`), so each match leaves the scan as an id, a rank and a day: flattened, the window count would
  // carry every match's whole search vector into its store and rank it there. Only the page's rows read practices.
  const result = await db.execute<PracticeHitRow>(sql`
    with hits as (
      select m.id, m.relevance, m.updated_at, count(*) over () as total
      from (select p.id, ${relevance} as relevance, p.updated_at from practice_search_entries p where ${where} offset 0) m
      order by m.relevance desc, m.updated_at desc, m.id
      limit ${search.limit} offset ${search.offset})
    select p.id, p.title, p.outcome, p.visibility, d.name as district_name, o.legal_name as organization_name,
           p.category_code, ${categoryLabelSql(sql`p.category_code`)} as category_label, p.tags, ${snippet} as snippet,
           p.updated_at, h.total::int as total
    from hits h join practices p on p.id = h.id
      join district_names d on d.id = p.district_id join organization_names o on o.id = p.organization_id
    order by h.relevance desc, h.updated_at desc, h.id`);
  return result.rows;
}

/** How many practices the reader may see match the filters (the page's total when the page is past the end). */
export async function countVisiblePractices(db: DbExecutor, search: PracticeSearch, reader: PracticeReader): Promise<number> {
  const { where } = filtersOf(search, reader);
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from practice_search_entries p where ${where}`);
  return result.rows[0]!.n;
}

/** Every practice the reader may see matching the filters (up to `limit`), whole, for the CSV export. */
export async function selectVisiblePracticesForExport(db: DbExecutor, search: PracticeSearch, reader: PracticeReader, limit: number): Promise<PracticeRow[]> {
  const { where, tsq } = filtersOf(search, reader);
  const order = tsq ? sql`ts_rank(p.search_vector, ${tsq}, 32) desc, p.updated_at desc, p.id` : sql`p.updated_at desc, p.id`;
  const result = await db.execute<PracticeRow>(sql`
    select ${practiceColumns}
    from practices p join district_names d on d.id = p.district_id join organization_names o on o.id = p.organization_id
    where ${where}
    order by ${order}
    limit ${limit}`);
  return result.rows;
}

export interface PracticeValues {
  title: string;
  whatTried: string;
  whatWorked: string;
  whatDidNotWork: string;
  failureCause: string;
  lessonLearned: string;
  resourcesNeeded: string;
  contacts: string;
  territory: string;
  targetGroup: string | null;
  categoryCode: string | null;
  outcome: string;
  visibility: string;
  tags: string[];
  startedOn: string | null;
  endedOn: string | null;
}

export async function insertPractice(
  tx: DbExecutor,
  values: PracticeValues & { districtId: string; organizationId: string; authorUserId: string | null; authorName: string | null; isDemo: boolean },
): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into practices (district_id, organization_id, author_user_id, author_name, title, what_tried, what_worked, what_did_not_work,
      failure_cause, lesson_learned, resources_needed, contacts, territory, target_group, category_code, outcome, visibility,
      tags, started_on, ended_on, is_demo)
    values (${values.districtId}, ${values.organizationId}, ${values.authorUserId}, ${values.authorName}, ${values.title}, ${values.whatTried},
      ${values.whatWorked}, ${values.whatDidNotWork}, ${values.failureCause}, ${values.lessonLearned}, ${values.resourcesNeeded},
      ${values.contacts}, ${values.territory}, ${values.targetGroup}, ${values.categoryCode}, ${values.outcome}, ${values.visibility},
      ${sql.param(values.tags)}::text[], ${values.startedOn}, ${values.endedOn}, ${values.isDemo})
    returning id`);
  return result.rows[0]!.id;
}

/** Rewrites a practice's texts if `version` is still current; false when someone changed it first. */
export async function updatePracticeRow(tx: DbExecutor, id: string, version: number, values: PracticeValues): Promise<boolean> {
  const result = await tx.execute(sql`
    update practices set title = ${values.title}, what_tried = ${values.whatTried}, what_worked = ${values.whatWorked},
      what_did_not_work = ${values.whatDidNotWork}, failure_cause = ${values.failureCause}, lesson_learned = ${values.lessonLearned},
      resources_needed = ${values.resourcesNeeded}, contacts = ${values.contacts}, territory = ${values.territory},
      target_group = ${values.targetGroup}, category_code = ${values.categoryCode}, outcome = ${values.outcome},
      visibility = ${values.visibility}, tags = ${sql.param(values.tags)}::text[], started_on = ${values.startedOn},
      ended_on = ${values.endedOn}, version = version + 1, updated_at = now()
    where id = ${id} and version = ${version}`);
  return (result.rowCount ?? 0) === 1;
}

/** Replaces the organizations linked to a practice. */
export async function replaceLinkedOrganizations(tx: DbExecutor, practiceId: string, organizationIds: string[]): Promise<void> {
  await tx.execute(sql`delete from practice_organizations where practice_id = ${practiceId}`);
  if (organizationIds.length === 0) return;
  await tx.execute(sql`
    insert into practice_organizations (practice_id, organization_id)
    select ${practiceId}, unnest(${sql.param(organizationIds)}::uuid[])`);
}

/** The ids among `ids` that name an organization (not merged away). */
export async function selectExistingOrganizationIds(db: DbExecutor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ id: string }>(sql`select id from organization_names where id = any(${sql.param(ids)}::uuid[])`);
  return result.rows.map((row) => row.id);
}

/** For the form: each (organization, district) pair where one of `organizationIds` is a current member. */
export async function selectAuthorChoices(db: DbExecutor, organizationIds: string[], coordinatedDistrictIds: string[], everything: boolean) {
  const scope = everything
    ? sql`true`
    : sql`(m.organization_id = any(${sql.param(organizationIds)}::uuid[]) or m.district_id = any(${sql.param(coordinatedDistrictIds)}::uuid[]))`;
  const result = await db.execute<{ organization_id: string; organization_name: string; district_id: string; district_name: string }>(sql`
    select m.organization_id, o.legal_name as organization_name, m.district_id, d.name as district_name
    from ${sql.raw(CURRENT_DISTRICT_MEMBERSHIPS_VIEW)} m
      join organization_names o on o.id = m.organization_id join district_names d on d.id = m.district_id
    where ${scope}
    order by d.name, o.legal_name
    limit 500`);
  return result.rows;
}

/** The demo district and its current member organizations (by legal name), for the demo seed. */
export async function selectDemoContext(db: DbExecutor): Promise<{ districtId: string; organizations: { id: string; legal_name: string }[] } | null> {
  const district = await db.execute<{ id: string }>(sql`select id from district_names where is_demo order by created_at limit 1`);
  const districtId = district.rows[0]?.id;
  if (!districtId) return null;
  const organizations = await db.execute<{ id: string; legal_name: string }>(sql`
    select o.id, o.legal_name from organization_names o
    where o.is_demo and o.id in (select m.organization_id from ${sql.raw(CURRENT_DISTRICT_MEMBERSHIPS_VIEW)} m where m.district_id = ${districtId})`);
  return { districtId, organizations: organizations.rows };
}

/**
 * The naive search the benchmark compares against (bench/knowledge.bench.ts): every word `ILIKE '%word%'` over the
 * title and the texts, the same visibility rule and filters, newest first; no index can serve it. Like the page it is
 * compared with, it answers the page's ids and how many practices match in all (the count the page shows).
 */
export async function selectPracticePageNaive(db: DbExecutor, search: PracticeSearch & { words: string[] }, reader: PracticeReader): Promise<{ ids: string[]; total: number }> {
  const { where } = filtersOf({ ...search, query: null }, reader);
  const words = search.words.map((word) => {
    const pattern = `%${word}%`;
    return sql`(p.title ilike ${pattern} or p.what_tried ilike ${pattern} or p.failure_cause ilike ${pattern} or p.lesson_learned ilike ${pattern} or p.what_worked ilike ${pattern})`;
  });
  const result = await db.execute<{ id: string; total: number }>(sql`
    select p.id, count(*) over ()::int as total from practices p where ${where} ${words.length > 0 ? sql`and ${sql.join(words, sql` and `)}` : sql``}
    order by p.updated_at desc, p.id limit ${search.limit}`);
  return { ids: result.rows.map((row) => row.id), total: result.rows[0]?.total ?? 0 };
}
