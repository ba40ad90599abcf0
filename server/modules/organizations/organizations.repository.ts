import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { TOrganizationFilters, TOrganizationProfile, TOrganizationSummary, TPersonRole } from '../../../common/contracts/organizations';
import { foldForSearch } from '../../../common/domain/text';
import {
  organizationDuplicateFlags,
  organizationImports,
  organizationRelationships,
  organizations,
  people,
  personRoles,
} from './organizations.schema';

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
export type OrganizationImportRow = typeof organizationImports.$inferSelect;

/** The derived search columns: a folded legal name for trigram matching and an accent-free Italian FTS document. */
export function searchColumnsOf(values: { legalName: string; shortName?: string | null; description?: string | null; tags?: string[] | null }) {
  return {
    nameFolded: foldForSearch(values.legalName),
    searchDocument: foldForSearch([values.legalName, values.shortName ?? '', values.description ?? '', ...(values.tags ?? [])].join(' ')),
  };
}

export async function insertOrganization(db: DbExecutor, values: NewOrganization): Promise<OrganizationRow> {
  const rows = await db
    .insert(organizations)
    .values({ ...values, ...searchColumnsOf(values) })
    .returning();
  return rows[0]!;
}

export async function selectOrganizationRow(db: DbExecutor, id: string): Promise<OrganizationRow | null> {
  const rows = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The live organization holding a fiscal code (following a merge to the organization that absorbed it). */
export async function selectOrganizationIdByFiscalCode(db: DbExecutor, fiscalCode: string): Promise<{ id: string; legalName: string } | null> {
  const result = await db.execute<{ id: string; legal_name: string }>(sql`
    select coalesce(t.id, o.id) as id, coalesce(t.legal_name, o.legal_name) as legal_name
    from organizations o left join organizations t on t.id = o.merged_into_id
    where o.fiscal_code = ${fiscalCode} limit 1`);
  const row = result.rows[0];
  return row ? { id: row.id, legalName: row.legal_name } : null;
}

/** Applies the change only if the row still has `expectedVersion`; null when someone else got there first. */
export async function updateOrganizationIfVersion(
  db: DbExecutor,
  id: string,
  expectedVersion: number,
  changes: Partial<NewOrganization>,
): Promise<OrganizationRow | null> {
  const rows = await db
    .update(organizations)
    .set({ ...changes, version: sql`${organizations.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(organizations.id, id), eq(organizations.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

/** Stores the current state of each organization as its version snapshot (private fields included: the
 * history is served field names only, and private values to those who may see them). */
export async function insertVersionSnapshots(db: DbExecutor, ids: string[], changedBy: string, change: string): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    insert into organization_versions (organization_id, version, snapshot, changed_by, change)
    select o.id, o.version, to_jsonb(o) - 'search_vector' - 'search_document' - 'name_folded', ${changedBy}, ${change}
    from organizations o where o.id = any(${sql.param(ids)}::uuid[])
    on conflict (organization_id, version) do nothing`);
}

export interface OrganizationAccess {
  id: string;
  /** Districts it is (currently) a member of: their coordinators may see its private fields. */
  memberDistrictIds: string[];
  /** Districts whose municipalities include its headquarters: their coordinators may handle its duplicates. */
  territoryDistrictIds: string[];
}

export async function selectOrganizationAccess(db: DbExecutor, id: string): Promise<OrganizationAccess | null> {
  const result = await db.execute<{ id: string; member_district_ids: string[]; territory_district_ids: string[] }>(sql`
    select o.id,
      array(select ms.district_id::text from current_district_memberships ms where ms.organization_id = o.id) as member_district_ids,
      array(select dm.district_id::text from district_area_municipalities dm where dm.municipality_code = o.municipality_code) as territory_district_ids
    from organizations o where o.id = ${id}`);
  const row = result.rows[0];
  return row ? { id: row.id, memberDistrictIds: row.member_district_ids, territoryDistrictIds: row.territory_district_ids } : null;
}

/** The access facts of several organizations at once (an import batch checks each matched row's edit right). */
export async function selectOrganizationAccesses(db: DbExecutor, ids: string[]): Promise<Map<string, OrganizationAccess>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute<{ id: string; member_district_ids: string[]; territory_district_ids: string[] }>(sql`
    select o.id,
      array(select ms.district_id::text from current_district_memberships ms where ms.organization_id = o.id) as member_district_ids,
      array(select dm.district_id::text from district_area_municipalities dm where dm.municipality_code = o.municipality_code) as territory_district_ids
    from organizations o where o.id = any(${sql.param(ids)}::uuid[])`);
  return new Map(result.rows.map((row) => [row.id, { id: row.id, memberDistrictIds: row.member_district_ids, territoryDistrictIds: row.territory_district_ids }]));
}

const summaryColumns = sql`
  o.id, o.legal_name, o.short_name, o.kind, o.sector, o.fiscal_code, o.vat_number, o.size_class, o.activity_code,
  o.municipality_code, m.name as municipality_name, coalesce(o.point_lat, m.point_lat) as lat,
  coalesce(o.point_lng, m.point_lng) as lng, o.website, o.email, o.pec, o.tags, o.status, o.is_demo, o.name_folded, o.source`;

export type SummaryRow = {
  id: string; legal_name: string; short_name: string | null; kind: string; sector: TOrganizationSummary['sector'];
  fiscal_code: string | null; vat_number: string | null; size_class: TOrganizationSummary['sizeClass']; activity_code: string | null;
  municipality_code: string | null; municipality_name: string | null; lat: number | null; lng: number | null;
  website: string | null; email: string | null; pec: string | null; tags: string[]; status: TOrganizationSummary['status'];
  is_demo: boolean; name_folded: string; source: string | null;
};

export function toSummary(row: SummaryRow): TOrganizationSummary {
  return {
    id: row.id,
    legalName: row.legal_name,
    shortName: row.short_name,
    kind: row.kind,
    sector: row.sector,
    fiscalCode: row.fiscal_code,
    vatNumber: row.vat_number,
    sizeClass: row.size_class,
    activityCode: row.activity_code,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    point: row.lat === null || row.lng === null ? null : { lat: row.lat, lng: row.lng },
    website: row.website,
    email: row.email,
    pec: row.pec,
    tags: row.tags,
    status: row.status,
    isDemo: row.is_demo,
    source: row.source ?? null,
  };
}

export async function selectOrganizationSummary(db: DbExecutor, id: string): Promise<TOrganizationSummary | null> {
  const result = await db.execute<SummaryRow>(sql`
    select ${summaryColumns} from organizations o left join municipalities m on m.istat_code = o.municipality_code where o.id = ${id}`);
  return result.rows[0] ? toSummary(result.rows[0]) : null;
}

/**
 * The typed words as an Italian tsquery: every word must match (stemmed), the last one also as a prefix so results
 * appear while typing ("coop" finds "cooperativa"). Only letters and digits reach to_tsquery.
 */
export function fullTextQueryOf(q: string | undefined): string | null {
  const words = foldForSearch(q ?? '').split(/[^a-z0-9]+/).filter(Boolean).slice(0, 10);
  if (words.length === 0) return null;
  return words.map((word, index) => (index === words.length - 1 ? `${word}:*` : word)).join(' & ');
}

/** Only public fields are searched: a note or a phone number must not be findable by someone who cannot read it. */
function filterConditions(filters: TOrganizationFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.includeInactive !== 'true') conditions.push(sql`o.status = 'active'`);
  else conditions.push(sql`o.status <> 'merged'`);
  const query = fullTextQueryOf(filters.q);
  if (query) conditions.push(sql`o.search_vector @@ to_tsquery('italian', ${query})`);
  if (filters.kind?.length) conditions.push(sql`o.kind = any(${sql.param(filters.kind)}::text[])`);
  if (filters.sector?.length) conditions.push(sql`o.sector = any(${sql.param(filters.sector)}::text[])`);
  if (filters.sizeClass?.length) conditions.push(sql`o.size_class = any(${sql.param(filters.sizeClass)}::text[])`);
  if (filters.municipalityCode) conditions.push(sql`o.municipality_code = ${filters.municipalityCode}`);
  if (filters.tag) conditions.push(sql`o.tags @> array[${filters.tag}]::text[]`);
  if (filters.districtId) {
    conditions.push(sql`exists (select 1 from current_district_memberships ms where ms.organization_id = o.id and ms.district_id = ${filters.districtId})`);
  }
  return conditions;
}

const where = (conditions: SQL[]) => (conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``);

/** How many rows in name order are probed for a first page before falling back to finding every match. */
const NAME_ORDER_PROBE_ROWS = 5000;

/**
 * One page of the directory in name order, keyset-paginated on (name_folded, id), with the number of matches counted
 * up to `countCap` (an exact count of 100,000 rows costs more than the page itself).
 */
export async function selectOrganizationPage(
  db: DbExecutor,
  filters: TOrganizationFilters,
  after: { nameFolded: string; id: string } | null,
  limit: number,
  countCap: number,
): Promise<{ rows: SummaryRow[]; total: number; isTotalCapped: boolean }> {
  const conditions = filterConditions(filters);
  const pageConditions = after ? [...conditions, sql`(o.name_folded, o.id) > (${after.nameFolded}, ${after.id}::uuid)`] : conditions;
  const total = await db.execute<{ total: number }>(sql`
    select count(*) as total from (select 1 from organizations o ${where(conditions)} limit ${countCap + 1}) matches`);
  const count = total.rows[0]!.total;
  const keyset = after ? [sql`(o.name_folded, o.id) > (${after.nameFolded}, ${after.id}::uuid)`] : [];
  if (conditions.length === 1) {
    // No filter: walk the name index.
    const rows = await db.execute<SummaryRow>(sql`
      select ${summaryColumns} from organizations o left join municipalities m on m.istat_code = o.municipality_code
      ${where(pageConditions)} order by o.name_folded, o.id limit ${limit}`);
    return { rows: rows.rows, total: Math.min(count, countCap), isTotalCapped: count > countCap };
  }
  if (count > countCap) {
    // Many matches: the first page is usually among the next few thousand names; if it is, this is the answer.
    const probe = await db.execute<SummaryRow>(sql`
      with ordered as (select * from organizations o ${where(keyset)} order by o.name_folded, o.id limit ${NAME_ORDER_PROBE_ROWS})
      select ${summaryColumns} from ordered o left join municipalities m on m.istat_code = o.municipality_code
      ${where(conditions)} order by o.name_folded, o.id limit ${limit}`);
    if (probe.rows.length === limit) return { rows: probe.rows, total: countCap, isTotalCapped: true };
  }
  // Otherwise find all the matches (GIN / btree bitmaps), then sort them by name. `offset 0` keeps the planner from
  // walking the name index and filtering row by row, which reads most of the table when matches are few or late in
  // the alphabet.
  const rows = await db.execute<SummaryRow>(sql`
    with page as (
      select o.id, o.name_folded from organizations o ${where(pageConditions)} offset 0
    ), top as (select id from page order by name_folded, id limit ${limit})
    select ${summaryColumns} from top join organizations o on o.id = top.id
    left join municipalities m on m.istat_code = o.municipality_code
    order by o.name_folded, o.id`);
  return { rows: rows.rows, total: Math.min(count, countCap), isTotalCapped: count > countCap };
}

export async function selectOrganizationPoints(db: DbExecutor, filters: TOrganizationFilters, max: number) {
  const result = await db.execute<{
    id: string; name: string; sector: TOrganizationSummary['sector']; kind: string; municipalityCode: string | null; lat: number; lng: number;
  }>(sql`
    select o.id, coalesce(o.short_name, o.legal_name) as name, o.sector, o.kind, o.municipality_code as "municipalityCode",
           coalesce(o.point_lat, m.point_lat) as lat, coalesce(o.point_lng, m.point_lng) as lng
    from organizations o left join municipalities m on m.istat_code = o.municipality_code
    ${where([...filterConditions(filters), sql`coalesce(o.point_lat, m.point_lat) is not null`])}
    order by o.name_folded, o.id limit ${max + 1}`);
  return { items: result.rows.slice(0, max), truncated: result.rows.length > max };
}

/** Every organization matching the filters, in name order, streamed by pages of `pageSize` for the CSV export. */
export async function* selectOrganizationsForExport(db: DbExecutor, filters: TOrganizationFilters, pageSize = 2000): AsyncGenerator<SummaryRow[]> {
  let after: { nameFolded: string; id: string } | null = null;
  for (;;) {
    const conditions = filterConditions(filters);
    if (after) conditions.push(sql`(o.name_folded, o.id) > (${after.nameFolded}, ${after.id}::uuid)`);
    const result = await db.execute<SummaryRow>(sql`
      select ${summaryColumns} from organizations o left join municipalities m on m.istat_code = o.municipality_code
      ${where(conditions)} order by o.name_folded, o.id limit ${pageSize}`);
    if (result.rows.length === 0) return;
    yield result.rows;
    const last = result.rows[result.rows.length - 1]!;
    after = { nameFolded: last.name_folded, id: last.id };
    if (result.rows.length < pageSize) return;
  }
}

export type OrganizationDistrictRow = {
  membership_id: string; id: string; name: string; role: 'coordinator' | 'member' | 'observer'; started_on: string; ended_on: string | null;
  status: 'invited' | 'requested' | 'accepted' | 'declined' | 'withdrawn'; requested_by: 'district' | 'organization';
};

/** Every membership of the organization, whatever its status (the use case decides who sees which). */
export async function selectOrganizationDistricts(db: DbExecutor, id: string): Promise<OrganizationDistrictRow[]> {
  const result = await db.execute<OrganizationDistrictRow>(sql`
    select ms.membership_id, ms.district_id as id, ms.district_name as name, ms.role, ms.started_on, ms.ended_on, ms.status, ms.requested_by
    from district_membership_records ms
    where ms.organization_id = ${id}
    order by case when ms.status in ('invited', 'requested') then 0 else 1 end, ms.started_on desc, ms.district_name`);
  return result.rows;
}

export type OrganizationRelationshipRow = {
  id: string; direction: 'outgoing' | 'incoming'; kind: TOrganizationProfile['relationships'][number]['kind'];
  from_organization_id: string; to_organization_id: string;
  other_id: string; other_name: string; started_on: string; ended_on: string | null; status: 'pending' | 'confirmed' | 'declined';
};

/** Every relationship naming the organization, whatever its status (the use case decides who sees which). */
export async function selectOrganizationRelationships(db: DbExecutor, id: string): Promise<OrganizationRelationshipRow[]> {
  const result = await db.execute<OrganizationRelationshipRow>(sql`
    select r.id, case when r.from_organization_id = ${id} then 'outgoing' else 'incoming' end as direction, r.kind,
           r.from_organization_id, r.to_organization_id,
           o.id as other_id, coalesce(o.short_name, o.legal_name) as other_name, r.started_on, r.ended_on, r.status
    from organization_relationships r
    join organizations o on o.id = case when r.from_organization_id = ${id} then r.to_organization_id else r.from_organization_id end
    where r.from_organization_id = ${id} or r.to_organization_id = ${id}
    order by r.started_on desc, other_name`);
  return result.rows;
}

export async function selectOrganizationPeople(db: DbExecutor, id: string): Promise<TPersonRole[]> {
  const result = await db.execute<{
    role_id: string; person_id: string; full_name: string; email: string | null; phone: string | null;
    role: TPersonRole['role']; started_on: string; ended_on: string | null; has_account: boolean;
  }>(sql`
    select pr.id as role_id, p.id as person_id, p.full_name, p.email, p.phone, pr.role, pr.started_on, pr.ended_on, p.user_id is not null as has_account
    from person_roles pr join people p on p.id = pr.person_id
    where pr.organization_id = ${id}
    order by case pr.role when 'legal_representative' then 0 when 'contact' then 1 else 2 end, p.full_name`);
  return result.rows.map((r) => ({
    roleId: r.role_id, personId: r.person_id, fullName: r.full_name, email: r.email, phone: r.phone, role: r.role, startedOn: r.started_on, endedOn: r.ended_on,
    hasAccount: r.has_account,
  }));
}

export interface VersionEntry {
  version: number;
  change: string;
  changedAt: string;
  changedBy: string;
  snapshot: Record<string, unknown>;
}

/** The versions of an organization and of those merged into it, newest first. */
export async function selectOrganizationVersions(db: DbExecutor, id: string): Promise<VersionEntry[]> {
  const result = await db.execute<{ version: number; change: string; changed_at: string; changed_by: string; snapshot: Record<string, unknown> }>(sql`
    select v.version, v.change, v.changed_at, v.changed_by, v.snapshot from organization_versions v
    where v.organization_id = ${id}
    order by v.version desc limit 100`);
  return result.rows.map((r) => ({ version: r.version, change: r.change, changedAt: new Date(r.changed_at).toISOString(), changedBy: r.changed_by, snapshot: r.snapshot }));
}

export interface DuplicateCandidate {
  id: string;
  similarity: number;
}

/** Live organizations in the same municipality whose folded name is similar (pg_trgm) to `nameFolded`. */
export async function selectSimilarOrganizations(
  db: DbExecutor,
  input: { nameFolded: string; municipalityCode: string; excludeId?: string },
  threshold: number,
): Promise<DuplicateCandidate[]> {
  const result = await db.execute<{ id: string; similarity: number }>(sql`
    select o.id, similarity(o.name_folded, ${input.nameFolded}) as similarity from organizations o
    where o.municipality_code = ${input.municipalityCode} and o.status <> 'merged'
      and o.id <> coalesce(${input.excludeId ?? null}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
      and similarity(o.name_folded, ${input.nameFolded}) >= ${threshold}
    order by similarity desc, o.id limit 5`);
  return result.rows;
}

/**
 * For each newly inserted import row without a fiscal code: its most similar live organization in the same
 * municipality that existed before it (already in the database, or earlier in the same batch).
 */
export async function selectSimilarOrganizationsForRows(
  db: DbExecutor,
  rows: { id: string; ordinal: number; nameFolded: string; municipalityCode: string }[],
  batchOrdinals: Record<string, number>,
  threshold: number,
): Promise<Map<string, DuplicateCandidate>> {
  if (rows.length === 0) return new Map();
  const result = await db.execute<{ row_id: string; id: string; similarity: number }>(sql`
    select r.id as row_id, best.id, best.similarity
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, ordinal int, "nameFolded" text, "municipalityCode" text)
    cross join lateral (
      select o.id, similarity(o.name_folded, r."nameFolded") as similarity from organizations o
      where o.municipality_code = r."municipalityCode" and o.status <> 'merged' and o.id <> r.id
        and coalesce((${JSON.stringify(batchOrdinals)}::jsonb ->> o.id::text)::int, -1) < r.ordinal
        and similarity(o.name_folded, r."nameFolded") >= ${threshold}
      order by similarity desc, o.id limit 1
    ) best`);
  return new Map(result.rows.map((r) => [r.row_id, { id: r.id, similarity: r.similarity }]));
}

export async function insertDuplicateFlags(db: DbExecutor, flags: { organizationId: string; candidateOrganizationId: string; similarity: number }[]): Promise<void> {
  if (flags.length === 0) return;
  await db.insert(organizationDuplicateFlags).values(flags).onConflictDoNothing();
}

export async function selectDuplicateFlags(
  db: DbExecutor,
  scope: { allDistricts: boolean; districtIds: string[] },
): Promise<{ id: string; similarity: number; status: 'open' | 'merged' | 'dismissed'; organization: SummaryRow; candidate: SummaryRow }[]> {
  const result = await db.execute<{ id: string; similarity: number; status: 'open' | 'merged' | 'dismissed'; organization: SummaryRow; candidate: SummaryRow }>(sql`
    select f.id, f.similarity, f.status,
      (select to_jsonb(x) from (select ${summaryColumns} from organizations o left join municipalities m on m.istat_code = o.municipality_code where o.id = f.organization_id) x) as organization,
      (select to_jsonb(x) from (select ${summaryColumns} from organizations o left join municipalities m on m.istat_code = o.municipality_code where o.id = f.candidate_organization_id) x) as candidate
    from organization_duplicate_flags f join organizations fo on fo.id = f.organization_id
    where f.status = 'open'
      and (${scope.allDistricts} or exists (
        select 1 from district_area_municipalities dm where dm.municipality_code = fo.municipality_code and dm.district_id = any(${sql.param(scope.districtIds)}::uuid[])))
    order by f.created_at, f.id limit 500`);
  return result.rows;
}

export async function markDuplicateFlags(db: DbExecutor, organizationIds: string[], status: 'merged' | 'dismissed'): Promise<number> {
  const result = await db.execute(sql`
    update organization_duplicate_flags set status = ${status}
    where status = 'open' and (organization_id = any(${sql.param(organizationIds)}::uuid[]) or candidate_organization_id = any(${sql.param(organizationIds)}::uuid[]))`);
  return result.rowCount ?? 0;
}

/**
 * The organizations module's own rows of a merge (people's roles, relationships, earlier tombstones): each moves to the
 * kept organization; relationships the move turns into self-loops are dropped (an organization does not tutor
 * itself), and organizations earlier merged into the merged one now point at the kept one, versions bumped, so a
 * tombstone is always one step from its survivor. Returns, per column, how many rows referred to the merged one.
 */
export async function moveMergedOrganizationOwnRows(db: DbExecutor, mergedId: string, keptId: string): Promise<{ report: Record<string, number>; repointedTombstoneIds: string[] }> {
  const counts = await db.execute<Record<string, number>>(sql`
    select (select count(*)::int from person_roles where organization_id = ${mergedId}) as "person_roles.organization_id",
           (select count(*)::int from organization_relationships where from_organization_id = ${mergedId}) as "organization_relationships.from_organization_id",
           (select count(*)::int from organization_relationships where to_organization_id = ${mergedId}) as "organization_relationships.to_organization_id",
           (select count(*)::int from organizations where merged_into_id = ${mergedId}) as "organizations.merged_into_id"`);
  await db.execute(sql`update person_roles set organization_id = ${keptId} where organization_id = ${mergedId}`);
  await db.execute(sql`update organization_relationships set from_organization_id = ${keptId} where from_organization_id = ${mergedId}`);
  await db.execute(sql`update organization_relationships set to_organization_id = ${keptId} where to_organization_id = ${mergedId}`);
  await db.execute(sql`delete from organization_relationships where from_organization_id = ${keptId} and to_organization_id = ${keptId}`);
  const tombstones = await db.execute<{ id: string }>(sql`
    update organizations set merged_into_id = ${keptId}, version = version + 1, updated_at = now() where merged_into_id = ${mergedId} returning id`);
  return { report: { ...counts.rows[0]! }, repointedTombstoneIds: tombstones.rows.map((row) => row.id) };
}

export async function insertPerson(db: DbExecutor, values: typeof people.$inferInsert) {
  const rows = await db.insert(people).values(values).returning();
  return rows[0]!;
}

export async function selectPerson(db: DbExecutor, id: string) {
  const rows = await db.select().from(people).where(eq(people.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertPersonRole(db: DbExecutor, values: typeof personRoles.$inferInsert) {
  const rows = await db.insert(personRoles).values(values).returning();
  return rows[0]!;
}

export async function insertRelationship(db: DbExecutor, values: typeof organizationRelationships.$inferInsert) {
  const rows = await db.insert(organizationRelationships).values(values).returning();
  return rows[0]!;
}

export async function selectRelationship(db: DbExecutor, id: string) {
  const rows = await db.select().from(organizationRelationships).where(eq(organizationRelationships.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Confirms or declines a pending relationship; null when it is no longer pending (answered meanwhile). */
export async function decideRelationship(db: DbExecutor, id: string, status: 'confirmed' | 'declined', decidedBy: string) {
  const rows = await db
    .update(organizationRelationships)
    .set({ status, decidedAt: new Date(), decidedBy })
    .where(and(eq(organizationRelationships.id, id), eq(organizationRelationships.status, 'pending')))
    .returning();
  return rows[0] ?? null;
}

export type PendingMembershipOfOrganizationRow = {
  membership_id: string; district_id: string; district_name: string; organization_id: string; organization_name: string;
  municipality_name: string | null; role: 'coordinator' | 'member' | 'observer'; status: 'invited' | 'requested'; started_on: string; requested_at: string;
};

/** Pending memberships of these organizations (the organization admin's home lists the invitations to answer). */
export async function selectPendingMembershipsOfOrganizations(db: DbExecutor, organizationIds: string[]): Promise<PendingMembershipOfOrganizationRow[]> {
  if (organizationIds.length === 0) return [];
  const result = await db.execute<PendingMembershipOfOrganizationRow>(sql`
    select ms.membership_id, ms.district_id, ms.district_name, o.id as organization_id,
           coalesce(o.short_name, o.legal_name) as organization_name, m.name as municipality_name, ms.role, ms.status,
           ms.started_on, ms.requested_at::text as requested_at
    from district_membership_records ms
    join organizations o on o.id = ms.organization_id
    left join municipalities m on m.istat_code = o.municipality_code
    where ms.organization_id = any(${sql.param(organizationIds)}::uuid[]) and ms.status in ('invited', 'requested')
    order by ms.requested_at desc`);
  return result.rows;
}

// ---- import ----

export async function selectImportMapping(db: DbExecutor, headerSignature: string): Promise<Record<string, string | null> | null> {
  const result = await db.execute<{ mapping: Record<string, string | null> }>(sql`
    select mapping from organization_import_mappings where header_signature = ${headerSignature}`);
  return result.rows[0]?.mapping ?? null;
}

export async function upsertImportMapping(db: DbExecutor, headerSignature: string, headers: string[], mapping: Record<string, string | null>): Promise<void> {
  await db.execute(sql`
    insert into organization_import_mappings (header_signature, headers, mapping) values (${headerSignature}, ${JSON.stringify(headers)}::jsonb, ${JSON.stringify(mapping)}::jsonb)
    on conflict (header_signature) do update set mapping = excluded.mapping, updated_at = now()`);
}

export async function insertImport(db: DbExecutor, values: typeof organizationImports.$inferInsert): Promise<OrganizationImportRow> {
  const rows = await db.insert(organizationImports).values(values).returning();
  return rows[0]!;
}

export async function selectImport(db: DbExecutor, id: string): Promise<OrganizationImportRow | null> {
  const rows = await db.select().from(organizationImports).where(eq(organizationImports.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The latest unfinished import of the same file content, to resume. */
export async function selectResumableImport(db: DbExecutor, contentSha256: string): Promise<OrganizationImportRow | null> {
  const result = await db.execute<{ id: string }>(sql`
    select id from organization_imports where content_sha256 = ${contentSha256} and status <> 'completed'
    order by started_at desc limit 1`);
  return result.rows[0] ? selectImport(db, result.rows[0].id) : null;
}

export async function updateImportProgress(
  db: DbExecutor,
  id: string,
  progress: {
    nextRow: number; created: number; updated: number; flagged: number; rejected: unknown[]; status: 'running' | 'completed' | 'failed'; error?: string | null;
    kindInferred?: number; notes?: unknown[];
  },
): Promise<void> {
  await db.execute(sql`
    update organization_imports set next_row = ${progress.nextRow}, created_count = created_count + ${progress.created},
      kind_inferred_count = kind_inferred_count + ${progress.kindInferred ?? 0}, notes = notes || ${JSON.stringify(progress.notes ?? [])}::jsonb,
      updated_count = updated_count + ${progress.updated}, flagged_count = flagged_count + ${progress.flagged},
      rejected = rejected || ${JSON.stringify(progress.rejected)}::jsonb, status = ${progress.status}, error = ${progress.error ?? null},
      finished_at = case when ${progress.status} = 'running' then null else now() end
    where id = ${id}`);
}

export async function selectLiveIdsByFiscalCodes(db: DbExecutor, fiscalCodes: string[]): Promise<Map<string, string>> {
  if (fiscalCodes.length === 0) return new Map();
  const result = await db.execute<{ fiscal_code: string; id: string }>(sql`
    select o.fiscal_code, coalesce(o.merged_into_id, o.id) as id from organizations o
    where o.fiscal_code = any(${sql.param(fiscalCodes)}::text[])`);
  return new Map(result.rows.map((r) => [r.fiscal_code, r.id]));
}

export async function selectKnownMunicipalities(db: DbExecutor): Promise<{ istatCode: string; nameFolded: string }[]> {
  const result = await db.execute<{ istat_code: string; name_folded: string }>(sql`select istat_code, name_folded from municipalities`);
  return result.rows.map((r) => ({ istatCode: r.istat_code, nameFolded: r.name_folded }));
}

/** Snake-case column values for one organization row of a bulk insert or update (jsonb_populate_recordset). */
export type OrganizationRecord = {
  id?: string;
  legal_name: string; short_name: string | null; kind: string; sector: string; fiscal_code: string | null; vat_number: string | null;
  size_class: string | null; activity_code: string | null; address: string | null; postal_code: string | null; municipality_code: string | null;
  website: string | null; email: string | null; pec: string | null; phone: string | null; notes: string; description: string; tags: string[];
  status: string; name_folded: string; search_document: string;
  /** The public list the row comes from; an update keeps the existing source when the file gives none. */
  source?: string | null;
};

const RECORD_COLUMNS = sql.raw(
  'legal_name, short_name, kind, sector, fiscal_code, vat_number, size_class, activity_code, address, postal_code, municipality_code, ' +
    'website, email, pec, phone, notes, description, tags, status, name_folded, search_document, source',
);

/**
 * Inserts many organizations in one statement (one jsonb parameter) and, in the same statement, their first version
 * snapshot; returns their ids in input order.
 */
export async function bulkInsertOrganizations(db: DbExecutor, records: OrganizationRecord[], version: { changedBy: string; change: string }): Promise<string[]> {
  if (records.length === 0) return [];
  const result = await db.execute<{ id: string }>(sql`
    with input as (
      select r.*, ordinality from jsonb_array_elements(${JSON.stringify(records)}::jsonb) with ordinality as e(value, ordinality),
      jsonb_populate_record(null::organizations, e.value) as r
    ), inserted as (
      insert into organizations (${RECORD_COLUMNS}) select ${RECORD_COLUMNS} from input order by ordinality returning *
    ), versions as (
      insert into organization_versions (organization_id, version, snapshot, changed_by, change)
      select i.id, i.version, to_jsonb(i) - 'search_vector' - 'search_document' - 'name_folded', ${version.changedBy}, ${version.change}
      from inserted i
    )
    select id from inserted`);
  return result.rows.map((r) => r.id);
}

/** Overwrites the given organizations (matched by id) with the records' values, bumping their version. */
export async function bulkUpdateOrganizations(db: DbExecutor, records: (OrganizationRecord & { id: string })[]): Promise<void> {
  if (records.length === 0) return;
  await db.execute(sql`
    update organizations o set
      legal_name = r.legal_name, short_name = coalesce(r.short_name, o.short_name), kind = r.kind, sector = r.sector,
      vat_number = coalesce(r.vat_number, o.vat_number), size_class = coalesce(r.size_class, o.size_class),
      activity_code = coalesce(r.activity_code, o.activity_code), address = coalesce(r.address, o.address),
      postal_code = coalesce(r.postal_code, o.postal_code), municipality_code = coalesce(r.municipality_code, o.municipality_code),
      website = coalesce(r.website, o.website), email = coalesce(r.email, o.email), pec = coalesce(r.pec, o.pec),
      phone = coalesce(r.phone, o.phone), notes = case when r.notes = '' then o.notes else r.notes end,
      description = case when r.description = '' then o.description else r.description end,
      tags = case when cardinality(r.tags) = 0 then o.tags else r.tags end, status = r.status,
      name_folded = r.name_folded, search_document = r.search_document, source = coalesce(r.source, o.source),
      version = o.version + 1, updated_at = now()
    from jsonb_populate_recordset(null::organizations, ${JSON.stringify(records)}::jsonb) r
    where o.id = r.id`);
}

/** Counts used by tests and the benchmark to compare two databases' end states. */
export async function selectRegistryFingerprint(db: DbExecutor): Promise<{ organizations: string; flags: number; versions: number }> {
  const result = await db.execute<{ organizations: string; flags: number; versions: number }>(sql`
    select
      (select md5(coalesce(string_agg(concat_ws('|', legal_name, fiscal_code, municipality_code, kind, size_class, version, status, array_to_string(tags, ',')), E'\n' order by legal_name, fiscal_code, municipality_code), '')) from organizations) as organizations,
      (select count(*) from organization_duplicate_flags) as flags,
      (select count(*) from organization_versions) as versions`);
  return result.rows[0]!;
}

export type MunicipalityWithoutBody = {
  istat_code: string;
  name: string;
  fiscal_code: string;
};

/** Municipalities with a fiscal code that no organization holds yet, after `afterCode`, in code order. */
export async function selectMunicipalitiesWithoutBody(db: DbExecutor, afterCode: string, limit: number): Promise<MunicipalityWithoutBody[]> {
  const result = await db.execute<MunicipalityWithoutBody>(sql`
    select m.istat_code, m.name, m.fiscal_code from municipalities m
    where m.fiscal_code is not null and m.istat_code > ${afterCode}
      and not exists (select 1 from organizations o where o.fiscal_code = m.fiscal_code)
    order by m.istat_code limit ${limit}`);
  return result.rows;
}

/**
 * The organizations the user currently legally represents (a person of theirs holds a current legal representative
 * role), by name: what they may sign for (the pact page offers those).
 */
export async function selectCurrentlyRepresentedOrganizations(db: DbExecutor, userId: string): Promise<{ organizationId: string; organizationName: string }[]> {
  const result = await db.execute<{ organization_id: string; legal_name: string }>(sql`
    select distinct o.id as organization_id, o.legal_name from person_roles pr
      join people p on p.id = pr.person_id join organizations o on o.id = pr.organization_id
    where p.user_id = ${userId}::uuid and pr.role = 'legal_representative' and is_current_period(pr.started_on, pr.ended_on)
    order by o.legal_name, o.id`);
  return result.rows.map((row) => ({ organizationId: row.organization_id, organizationName: row.legal_name }));
}

/**
 * The name of the person the user is who holds a current legal representative role on the organization (the
 * platform's one rule for "current", is_current_period), or null: who may sign for it (pacts).
 */
export async function selectCurrentLegalRepresentativeName(db: DbExecutor, userId: string, organizationId: string): Promise<string | null> {
  const result = await db.execute<{ full_name: string }>(sql`
    select p.full_name from person_roles pr join people p on p.id = pr.person_id
    where p.user_id = ${userId}::uuid and pr.organization_id = ${organizationId}::uuid and pr.role = 'legal_representative'
      and is_current_period(pr.started_on, pr.ended_on)
    order by p.full_name limit 1`);
  return result.rows[0]?.full_name ?? null;
}
