import { sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { LocationRow } from './services.repository';

// The HSDS 3 open-data reads (read-hsds.ts): pages of ids and the public fields the presenter needs.

export async function selectAllServiceIds(db: DbExecutor, options: { limit: number; offset: number; organizationId?: string; modifiedAfter?: string }): Promise<{ ids: string[]; total: number }> {
  const filters: SQL[] = [sql`true`];
  if (options.organizationId) filters.push(sql`organization_id = ${options.organizationId}`);
  if (options.modifiedAfter) filters.push(sql`updated_at >= ${options.modifiedAfter}::timestamptz`);
  const where = sql.join(filters, sql` and `);
  const [page, count] = await Promise.all([
    db.execute<{ id: string }>(sql`select id from services where ${where} order by id limit ${options.limit} offset ${options.offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from services where ${where}`),
  ]);
  return { ids: page.rows.map((row) => row.id), total: count.rows[0]!.n };
}

export type HsdsOrganizationRow = {
  id: string;
  legal_name: string;
  short_name: string | null;
  description: string;
  website: string | null;
  email: string | null;
  tax_id: string | null;
};

/**
 * Organizations that provide at least one service, with their public fields only (never the private phone, notes or
 * people). Website, e-mail and fiscal code come from the organizations registry when its migrations added them (read
 * through to_jsonb so this query runs with or without them).
 */
export async function selectHsdsOrganizations(db: DbExecutor, options: { limit: number; offset: number; id?: string }): Promise<{ rows: HsdsOrganizationRow[]; total: number }> {
  const where = options.id ? sql`o.id = ${options.id}` : sql`exists (select 1 from services s where s.organization_id = o.id)`;
  const [page, count] = await Promise.all([
    db.execute<HsdsOrganizationRow>(sql`
      select o.id, o.legal_name, o.short_name, o.description,
             to_jsonb(o) ->> 'website' as website, to_jsonb(o) ->> 'email' as email,
             coalesce(to_jsonb(o) ->> 'fiscal_code', to_jsonb(o) ->> 'vat_number') as tax_id
      from organization_public_fields o where ${where} order by o.id limit ${options.limit} offset ${options.offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from organization_public_fields o where ${where}`),
  ]);
  return { rows: page.rows, total: count.rows[0]!.n };
}

export async function selectHsdsTaxonomies(db: DbExecutor): Promise<{ id: string; name: string; description: string; uri: string | null; version: string | null }[]> {
  const result = await db.execute<{ id: string; name: string; description: string; uri: string | null; version: string | null }>(sql`
    select id, name, description, uri, version from service_taxonomies order by name`);
  return result.rows;
}

export async function selectAllLocationIds(db: DbExecutor, options: { limit: number; offset: number }): Promise<{ ids: string[]; total: number }> {
  const [page, count] = await Promise.all([
    db.execute<{ id: string }>(sql`select id from service_locations order by id limit ${options.limit} offset ${options.offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from service_locations`),
  ]);
  return { ids: page.rows.map((row) => row.id), total: count.rows[0]!.n };
}

export async function selectLocationRowsByIds(db: DbExecutor, ids: string[]): Promise<Omit<LocationRow, 'service_id' | 'service_at_location_id'>[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<Omit<LocationRow, 'service_id' | 'service_at_location_id'>>(sql`
    select l.id, l.organization_id, l.name, l.address, l.postal_code, l.municipality_code, m.name as municipality_name,
           p.abbreviation as province_abbreviation, l.latitude, l.longitude
    from service_locations l
    join municipalities m on m.istat_code = l.municipality_code
    join provinces p on p.code = m.province_code
    where l.id = any(${sql.param(ids)}::uuid[]) order by l.id`);
  return result.rows;
}

export async function selectServiceAtLocationPage(
  db: DbExecutor,
  options: { limit: number; offset: number; id?: string },
): Promise<{ rows: { id: string; service_id: string; location_id: string }[]; total: number }> {
  const where = options.id ? sql`id = ${options.id}` : sql`true`;
  const [page, count] = await Promise.all([
    db.execute<{ id: string; service_id: string; location_id: string }>(sql`
      select id, service_id, location_id from service_at_locations where ${where} order by id limit ${options.limit} offset ${options.offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from service_at_locations where ${where}`),
  ]);
  return { rows: page.rows, total: count.rows[0]!.n };
}
