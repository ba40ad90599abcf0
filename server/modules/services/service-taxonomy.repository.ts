import { and, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import { serviceTaxonomyTerms } from './services.schema';

export type TaxonomyTermRow = typeof serviceTaxonomyTerms.$inferSelect;

/** The given category codes and their parents' codes: what `services.category_codes` holds. */
export async function selectCodesWithParents(db: DbExecutor, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const result = await db.execute<{ code: string }>(sql`
    select t.code from service_taxonomy_terms t where t.code = any(${sql.param(codes)}::text[])
    union select p.code from service_taxonomy_terms t join service_taxonomy_terms p on p.id = t.parent_id
    where t.code = any(${sql.param(codes)}::text[])
    order by 1`);
  return result.rows.map((row) => row.code);
}

export async function selectTermsByCodes(db: DbExecutor, codes: string[]): Promise<TaxonomyTermRow[]> {
  if (codes.length === 0) return [];
  const result = await db.execute<{ id: string }>(sql`
    select id from service_taxonomy_terms where code = any(${sql.param(codes)}::text[])`);
  const ids = result.rows.map((row) => row.id);
  if (ids.length === 0) return [];
  return db.select().from(serviceTaxonomyTerms).where(sql`${serviceTaxonomyTerms.id} = any(${sql.param(ids)}::uuid[])`);
}

export async function selectTaxonomyTerms(db: DbExecutor): Promise<(TaxonomyTermRow & { serviceCount: number })[]> {
  const result = await db.execute<{
    id: string; taxonomy_id: string; code: string; parent_id: string | null; label_it: string; label_en: string;
    description_it: string; position: number; version: number; updated_at: string; service_count: number;
  }>(sql`
    select t.*, (select count(*) from service_categories sc where sc.term_id = t.id) as service_count
    from service_taxonomy_terms t
    left join service_taxonomy_terms p on p.id = t.parent_id
    order by coalesce(p.position, t.position), coalesce(p.code, t.code), t.parent_id nulls first, t.position, t.code`);
  return result.rows.map((row) => ({
    id: row.id,
    taxonomyId: row.taxonomy_id,
    code: row.code,
    parentId: row.parent_id,
    labelIt: row.label_it,
    labelEn: row.label_en,
    descriptionIt: row.description_it,
    position: row.position,
    version: row.version,
    updatedAt: new Date(row.updated_at),
    serviceCount: row.service_count,
  }));
}

export async function selectTaxonomyTerm(db: DbExecutor, id: string): Promise<TaxonomyTermRow | null> {
  const rows = await db.select().from(serviceTaxonomyTerms).where(eq(serviceTaxonomyTerms.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function selectDefaultTaxonomyId(db: DbExecutor): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`select id from service_taxonomies order by name limit 1`);
  return result.rows[0]!.id;
}

export async function insertTaxonomyTerm(db: DbExecutor, values: typeof serviceTaxonomyTerms.$inferInsert): Promise<TaxonomyTermRow> {
  const rows = await db.insert(serviceTaxonomyTerms).values(values).returning();
  return rows[0]!;
}

export async function updateTaxonomyTermIfVersion(
  db: DbExecutor,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof serviceTaxonomyTerms.$inferInsert>,
): Promise<TaxonomyTermRow | null> {
  const rows = await db
    .update(serviceTaxonomyTerms)
    .set({ ...changes, version: sql`${serviceTaxonomyTerms.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(serviceTaxonomyTerms.id, id), eq(serviceTaxonomyTerms.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

/** Search keywords of services in a category change with its labels: rewrite them (the vector is generated). */
export async function refreshKeywordsOfTerm(db: DbExecutor, termId: string, oldLabels: string, newLabels: string): Promise<void> {
  await db.execute(sql`
    update services set search_keywords = replace(search_keywords, ${oldLabels}, ${newLabels})
    where id in (select service_id from service_categories where term_id = ${termId})`);
}
