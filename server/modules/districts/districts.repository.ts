import { and, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { TDistrictBody, TDistrictSummary, TDistrict } from '../../../common/contracts/districts';
import type { TMunicipalitySummary } from '../../../common/contracts/territory';
import { districtBodies, districtBodyMembers, districtMemberships, districtMunicipalities, districts } from './districts.schema';

export type DistrictRow = typeof districts.$inferSelect;

// Reads join the territory and organizations tables: they are reference data every district page shows, and a
// join is one query where going through those modules' use cases would be one query per municipality.
const summaryColumns = sql`
  d.id, d.name, d.description, d.is_demo,
  (select count(*) from district_municipalities dm where dm.district_id = d.id) as municipality_count,
  (select coalesce(sum(m.population), 0) from district_municipalities dm
     join municipalities m on m.istat_code = dm.municipality_code where dm.district_id = d.id) as population,
  o.id as coordinator_id, coalesce(o.short_name, o.legal_name) as coordinator_name`;

type SummaryRow = {
  id: string;
  name: string;
  description: string;
  is_demo: boolean;
  municipality_count: number;
  population: number;
  coordinator_id: string | null;
  coordinator_name: string | null;
};

function toSummary(row: SummaryRow): TDistrictSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    isDemo: row.is_demo,
    municipalityCount: row.municipality_count,
    population: row.population,
    coordinatorOrganization: row.coordinator_id ? { id: row.coordinator_id, name: row.coordinator_name ?? '' } : null,
  };
}

export async function selectDistrictSummaries(db: DbExecutor): Promise<TDistrictSummary[]> {
  const result = await db.execute<SummaryRow>(sql`
    select ${summaryColumns} from districts d
    left join organization_public_fields o on o.id = d.coordinator_organization_id
    order by d.name, d.id`);
  return result.rows.map(toSummary);
}

export async function selectDistrictRow(db: DbExecutor, id: string): Promise<DistrictRow | null> {
  const rows = await db.select().from(districts).where(eq(districts.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function selectDistrictDetail(db: DbExecutor, id: string): Promise<TDistrict | null> {
  const summary = await db.execute<SummaryRow & { definition: string; version: number; updated_at: Date }>(sql`
    select ${summaryColumns}, d.definition, d.version, d.updated_at from districts d
    left join organization_public_fields o on o.id = d.coordinator_organization_id
    where d.id = ${id}`);
  const row = summary.rows[0];
  if (!row) return null;
  const municipalities = await db.execute<{
    istat_code: string; name: string; province_code: string; abbreviation: string; region_code: string; region_name: string; population: number | null;
  }>(sql`
    select m.istat_code, m.name, m.province_code, p.abbreviation, p.region_code, r.name as region_name, m.population
    from district_municipalities dm
    join municipalities m on m.istat_code = dm.municipality_code
    join provinces p on p.code = m.province_code
    join regions r on r.code = p.region_code
    where dm.district_id = ${id}
    order by m.name`);
  const members = await db.execute<{
    membership_id: string; organization_id: string; name: string; kind: string; sector: string; municipality_name: string | null;
    role: 'coordinator' | 'member' | 'observer'; is_demo: boolean; started_on: string; ended_on: string | null;
  }>(sql`
    select ms.id as membership_id, o.id as organization_id, coalesce(o.short_name, o.legal_name) as name, o.kind, o.sector,
           m.name as municipality_name, ms.role, o.is_demo, ms.started_on, ms.ended_on
    from current_district_memberships ms
    join organization_public_fields o on o.id = ms.organization_id
    left join municipalities m on m.istat_code = o.municipality_code
    where ms.district_id = ${id}
    order by case ms.role when 'coordinator' then 0 when 'member' then 1 else 2 end, name`);
  const referenceZone = await db.execute<{ zone_id: string; zone_code: string; zone_name: string; zoning_id: string; zoning_name: string }>(sql`
    select z.zone_id, z.zone_code, z.zone_name, z.zoning_id, z.zoning_name
    from districts d join zone_labels z on z.zone_id = d.reference_zone_id
    where d.id = ${id}`);
  const zone = referenceZone.rows[0];
  return {
    ...toSummary(row),
    referenceZone: zone ? { zoneId: zone.zone_id, zoneCode: zone.zone_code, zoneName: zone.zone_name, zoningId: zone.zoning_id, zoningName: zone.zoning_name } : null,
    bodies: await selectDistrictBodies(db, id),
    definition: row.definition,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
    municipalities: municipalities.rows.map(
      (m): TMunicipalitySummary => ({
        istatCode: m.istat_code,
        name: m.name,
        provinceCode: m.province_code,
        provinceAbbreviation: m.abbreviation,
        regionCode: m.region_code,
        regionName: m.region_name,
        population: m.population,
      }),
    ),
    members: members.rows.map((m) => ({
      membershipId: m.membership_id,
      organizationId: m.organization_id,
      name: m.name,
      kind: m.kind,
      sector: m.sector,
      municipalityName: m.municipality_name,
      role: m.role,
      isDemo: m.is_demo,
      startedOn: m.started_on,
      endedOn: m.ended_on,
    })),
  };
}

/** Applies the change only if the row still has `expectedVersion`; returns null when someone else got there first. */
export async function updateDistrictIfVersion(
  db: DbExecutor,
  id: string,
  expectedVersion: number,
  changes: { name?: string; description?: string },
): Promise<DistrictRow | null> {
  const rows = await db
    .update(districts)
    .set({ ...changes, version: sql`${districts.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(districts.id, id), eq(districts.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

export async function insertDistrict(
  db: DbExecutor,
  values: { name: string; description: string; definition: string; coordinatorOrganizationId: string | null; referenceZoneId?: string | null; isDemo: boolean },
): Promise<DistrictRow> {
  const rows = await db.insert(districts).values(values).returning();
  return rows[0]!;
}

export async function insertDistrictMunicipalities(db: DbExecutor, districtId: string, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await db.insert(districtMunicipalities).values(codes.map((municipalityCode) => ({ districtId, municipalityCode })));
}

export async function insertMembership(
  db: DbExecutor,
  values: { districtId: string; organizationId: string; role: 'coordinator' | 'member' | 'observer' },
): Promise<void> {
  // A district created by a platform administrator (or the demo seed) starts with the members it was set up with.
  await db.insert(districtMemberships).values({ ...values, status: 'accepted', decidedAt: new Date() });
}

export async function selectUnknownMunicipalityCodes(db: DbExecutor, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const result = await db.execute<{ code: string }>(sql`
    select code from unnest(${sql.param(codes)}::text[]) as code
    where not exists (select 1 from municipalities m where m.istat_code = code)`);
  return result.rows.map((row) => row.code);
}

export async function selectDistrictGeoJson(db: DbExecutor, id: string): Promise<string> {
  const result = await db.execute<{ geojson: string }>(sql`
    select json_build_object(
      'type', 'FeatureCollection',
      'features', coalesce(json_agg(json_build_object(
        'type', 'Feature', 'id', m.istat_code,
        'properties', json_build_object('istatCode', m.istat_code, 'name', m.name, 'population', m.population),
        'geometry', m.boundary) order by m.istat_code), '[]'::json))::text as geojson
    from district_municipalities dm
    join municipalities m on m.istat_code = dm.municipality_code
    where dm.district_id = ${id} and m.boundary is not null`);
  return result.rows[0]!.geojson;
}

export async function selectHasDemoDistrict(db: DbExecutor): Promise<boolean> {
  const rows = await db.select({ id: districts.id }).from(districts).where(eq(districts.isDemo, true)).limit(1);
  return rows.length > 0;
}

const BODY_KIND_ORDER = sql`case b.kind when 'steering_group' then 0 when 'assembly' then 1 else 2 end`;

/** The district's governance bodies with their members (current first, then by role and name). */
export async function selectDistrictBodies(db: DbExecutor, districtId: string): Promise<TDistrictBody[]> {
  const bodies = await db.execute<{ id: string; kind: TDistrictBody['kind']; name: string; description: string; started_on: string; ended_on: string | null; version: number }>(sql`
    select b.id, b.kind, b.name, b.description, b.started_on, b.ended_on, b.version
    from district_bodies b where b.district_id = ${districtId}
    order by ${BODY_KIND_ORDER}, b.started_on, b.name`);
  const members = await db.execute<{ id: string; body_id: string; organization_id: string; organization_name: string; representative_name: string; role: 'chair' | 'member' | 'secretary'; started_on: string; ended_on: string | null; is_current: boolean }>(sql`
    select bm.id, bm.body_id, bm.organization_id, coalesce(o.short_name, o.legal_name) as organization_name, bm.representative_name,
           bm.role, bm.started_on, bm.ended_on, is_current_period(bm.started_on, bm.ended_on) as is_current
    from district_body_members bm
    join district_bodies b on b.id = bm.body_id
    join organization_public_fields o on o.id = bm.organization_id
    where b.district_id = ${districtId}
    order by has_period_ended(bm.ended_on), case bm.role when 'chair' then 0 when 'secretary' then 1 else 2 end, organization_name`);
  return bodies.rows.map((b) => ({
    id: b.id,
    kind: b.kind,
    name: b.name,
    description: b.description,
    startedOn: b.started_on,
    endedOn: b.ended_on,
    version: b.version,
    members: members.rows
      .filter((m) => m.body_id === b.id)
      .map((m) => ({
        id: m.id,
        organizationId: m.organization_id,
        organizationName: m.organization_name,
        representativeName: m.representative_name,
        role: m.role,
        startedOn: m.started_on,
        endedOn: m.ended_on,
        isCurrent: m.is_current,
      })),
  }));
}

/** Sets the reference zone (or none) if the district still has `expectedVersion`; null when someone got there first. */
export async function updateDistrictAreaIfVersion(db: DbExecutor, id: string, expectedVersion: number, values: { referenceZoneId: string | null; definition?: string }): Promise<DistrictRow | null> {
  const rows = await db
    .update(districts)
    .set({ ...values, version: sql`${districts.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(districts.id, id), eq(districts.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

export async function selectDistrictMunicipalityCodes(db: DbExecutor, districtId: string): Promise<string[]> {
  const rows = await db.select({ code: districtMunicipalities.municipalityCode }).from(districtMunicipalities).where(eq(districtMunicipalities.districtId, districtId));
  return rows.map((row) => row.code).sort();
}

export async function replaceDistrictMunicipalities(db: DbExecutor, districtId: string, codes: string[]): Promise<void> {
  await db.delete(districtMunicipalities).where(eq(districtMunicipalities.districtId, districtId));
  await insertDistrictMunicipalities(db, districtId, codes);
}

export type DistrictBodyRow = typeof districtBodies.$inferSelect;
export type DistrictBodyMemberRow = typeof districtBodyMembers.$inferSelect;

export async function insertDistrictBody(db: DbExecutor, values: { districtId: string; kind: DistrictBodyRow['kind']; name: string; description: string; startedOn?: string }): Promise<DistrictBodyRow> {
  const rows = await db.insert(districtBodies).values(values).returning();
  return rows[0]!;
}

export async function selectDistrictBodyRow(db: DbExecutor, districtId: string, bodyId: string): Promise<DistrictBodyRow | null> {
  const rows = await db.select().from(districtBodies).where(and(eq(districtBodies.id, bodyId), eq(districtBodies.districtId, districtId))).limit(1);
  return rows[0] ?? null;
}

export async function insertDistrictBodyMember(db: DbExecutor, values: { bodyId: string; organizationId: string; representativeName: string; role: DistrictBodyMemberRow['role']; startedOn?: string }): Promise<DistrictBodyMemberRow> {
  const rows = await db.insert(districtBodyMembers).values(values).returning();
  return rows[0]!;
}

export async function selectDistrictBodyMemberRow(db: DbExecutor, bodyId: string, memberId: string): Promise<DistrictBodyMemberRow | null> {
  const rows = await db.select().from(districtBodyMembers).where(and(eq(districtBodyMembers.id, memberId), eq(districtBodyMembers.bodyId, bodyId))).limit(1);
  return rows[0] ?? null;
}

export async function updateDistrictBodyMemberEnd(db: DbExecutor, memberId: string, endedOn: string): Promise<DistrictBodyMemberRow> {
  const rows = await db.update(districtBodyMembers).set({ endedOn }).where(eq(districtBodyMembers.id, memberId)).returning();
  return rows[0]!;
}

/** Whether the organization is a current member (any role) of the district. */
export async function selectIsCurrentDistrictMember(db: DbExecutor, districtId: string, organizationId: string): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`
    select exists (select 1 from current_district_memberships where district_id = ${districtId} and organization_id = ${organizationId}) as found`);
  return result.rows[0]!.found;
}

/** Which of these organizations are current members (accepted, started, not ended) of the district. */
export async function selectCurrentMemberOrganizationIds(db: DbExecutor, districtId: string, organizationIds: string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const result = await db.execute<{ organization_id: string }>(sql`
    select distinct organization_id from current_district_memberships
    where district_id = ${districtId}::uuid and organization_id = any(${sql.param(organizationIds)}::uuid[])`);
  return result.rows.map((row) => row.organization_id);
}

export type PendingMembershipRow = {
  membership_id: string; organization_id: string; organization_name: string; municipality_name: string | null;
  role: 'coordinator' | 'member' | 'observer'; status: 'invited' | 'requested'; started_on: string; requested_at: string;
};

/** Invitations the district sent and requests it received that nobody answered yet (public fields only). */
export async function selectPendingMemberships(db: DbExecutor, districtId: string): Promise<PendingMembershipRow[]> {
  const result = await db.execute<PendingMembershipRow>(sql`
    select ms.id as membership_id, o.id as organization_id, coalesce(o.short_name, o.legal_name) as organization_name,
           m.name as municipality_name, ms.role, ms.status, ms.started_on, ms.requested_at::text as requested_at
    from district_memberships ms
    join organization_public_fields o on o.id = ms.organization_id
    left join municipalities m on m.istat_code = o.municipality_code
    where ms.district_id = ${districtId} and ms.status in ('invited', 'requested')
    order by ms.requested_at desc, organization_name`);
  return result.rows;
}

// ---- memberships as the organizations module proposes, answers and ends them (district-membership-records.ts) ----

export type MembershipRow = {
  id: string; district_id: string; organization_id: string; role: string; started_on: string; ended_on: string | null;
  status: 'invited' | 'requested' | 'accepted' | 'declined' | 'withdrawn'; requested_by: 'district' | 'organization';
};
const membershipColumns = sql`id, district_id, organization_id, role, started_on, ended_on, status, requested_by`;

export async function selectDistrictExists(db: DbExecutor, districtId: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from districts where id = ${districtId}`);
  return result.rows.length > 0;
}

/** A membership of the organization in the district that is pending or accepted and not ended (a second one is a 409). */
export async function selectOpenMembership(db: DbExecutor, organizationId: string, districtId: string): Promise<MembershipRow | null> {
  const result = await db.execute<MembershipRow>(sql`
    select ${membershipColumns} from district_memberships
    where organization_id = ${organizationId} and district_id = ${districtId} and status in ('invited', 'requested', 'accepted')
      and not has_period_ended(ended_on) limit 1`);
  return result.rows[0] ?? null;
}

export async function selectMembership(db: DbExecutor, membershipId: string): Promise<MembershipRow | null> {
  const result = await db.execute<MembershipRow>(sql`select ${membershipColumns} from district_memberships where id = ${membershipId}`);
  return result.rows[0] ?? null;
}

export async function insertProposedMembership(
  db: DbExecutor,
  values: { organizationId: string; districtId: string; role: string; startedOn: string | null; status: 'invited' | 'requested' | 'accepted'; requestedBy: 'district' | 'organization'; decidedBy: string | null },
): Promise<MembershipRow> {
  const result = await db.execute<MembershipRow>(sql`
    insert into district_memberships (organization_id, district_id, role, started_on, status, requested_by, decided_at, decided_by)
    values (${values.organizationId}, ${values.districtId}, ${values.role}, coalesce(${values.startedOn}::date, current_date), ${values.status},
            ${values.requestedBy}, case when ${values.status}::text = 'accepted' then now() end, ${values.decidedBy})
    returning ${membershipColumns}`);
  return result.rows[0]!;
}

/** Moves a pending membership to its answer; null when it is no longer pending (answered or withdrawn meanwhile). */
export async function decideMembership(db: DbExecutor, membershipId: string, status: 'accepted' | 'declined' | 'withdrawn', decidedBy: string): Promise<MembershipRow | null> {
  const result = await db.execute<MembershipRow>(sql`
    update district_memberships set status = ${status}, decided_at = now(), decided_by = ${decidedBy}
    where id = ${membershipId} and status in ('invited', 'requested')
    returning ${membershipColumns}`);
  return result.rows[0] ?? null;
}

export async function endMembership(db: DbExecutor, membershipId: string, endedOn: string): Promise<MembershipRow | null> {
  const result = await db.execute<MembershipRow>(sql`
    update district_memberships set ended_on = ${endedOn}::date where id = ${membershipId} and status = 'accepted' and ended_on is null
    returning ${membershipColumns}`);
  return result.rows[0] ?? null;
}
