import { sql, type SQL } from 'drizzle-orm';
import type { Language } from '../../platform/texts';
import type { DbExecutor } from '../../platform/db/database';

// Referrals: a need or a person referred to a provider's service, its private details, its events and reports.

export type ServiceForReferral = {
  id: string;
  name: string;
  organization_id: string;
  status: string;
  category_codes: string[];
}

export async function selectServiceForReferral(db: DbExecutor, serviceId: string): Promise<ServiceForReferral | null> {
  const result = await db.execute<ServiceForReferral>(sql`
    select id, name, organization_id, status, category_codes from service_offers where id = ${serviceId}::uuid`);
  return result.rows[0] ?? null;
}

/**
 * Whether a referral made in this district may go to the service (issue 11, finding 5): the service reaches the
 * district's area — its area district shares a municipality with it, one of its area municipalities or of its places
 * lies in it — or its provider is a current member of the district.
 */
export async function selectServiceServesDistrict(db: DbExecutor, serviceId: string, districtId: string): Promise<boolean> {
  const result = await db.execute<{ serves: boolean }>(sql`
    select exists (
      select 1 from service_offers s
      where s.id = ${serviceId}::uuid and (
        s.service_area_district_id = ${districtId}::uuid
        or exists (select 1 from district_municipalities area join district_municipalities own on own.municipality_code = area.municipality_code
                   where area.district_id = s.service_area_district_id and own.district_id = ${districtId}::uuid)
        or exists (select 1 from service_reach_municipalities sam join district_municipalities own on own.municipality_code = sam.municipality_code
                   where sam.service_id = s.id and own.district_id = ${districtId}::uuid)
        or exists (select 1 from service_reach_places sal join service_place_points l on l.location_id = sal.location_id
                   join district_municipalities own on own.municipality_code = l.municipality_code
                   where sal.service_id = s.id and own.district_id = ${districtId}::uuid)
        or exists (select 1 from current_district_memberships cm where cm.organization_id = s.organization_id and cm.district_id = ${districtId}::uuid)
      )) as serves`);
  return result.rows[0]!.serves;
}

export async function selectMunicipalityExists(db: DbExecutor, code: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from municipalities where istat_code = ${code}`);
  return result.rows.length > 0;
}

export type ReferralRow = {
  id: string;
  district_id: string;
  referring_organization_id: string;
  referring_organization_name: string;
  service_id: string;
  service_name: string;
  provider_organization_id: string;
  provider_organization_name: string;
  need_id: string | null;
  subject_kind: 'person' | 'group';
  people_count: number;
  category_code: string;
  municipality_code: string;
  municipality_name: string;
  status: 'sent' | 'accepted' | 'declined' | 'info_requested' | 'served' | 'not_served';
  status_reason: string;
  sent_at: string;
  first_answered_at: string | null;
  closed_at: string | null;
  version: number;
}

const referralColumns = sql`
  r.id, r.district_id, r.referring_organization_id, ro.legal_name as referring_organization_name, r.service_id, s.name as service_name,
  r.provider_organization_id, po.legal_name as provider_organization_name, r.need_id, r.subject_kind, r.people_count, r.category_code,
  r.municipality_code, m.name as municipality_name, r.status, r.status_reason, r.sent_at, r.first_answered_at, r.closed_at, r.version`;
const referralJoins = sql`
  join organization_names ro on ro.id = r.referring_organization_id
  join organization_names po on po.id = r.provider_organization_id
  join service_offers s on s.id = r.service_id
  join municipalities m on m.istat_code = r.municipality_code`;

export async function insertReferral(
  tx: DbExecutor,
  referral: { districtId: string; referringOrganizationId: string; serviceId: string; providerOrganizationId: string; needId: string | null; subjectKind: string; peopleCount: number; categoryCode: string; municipalityCode: string },
): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into referrals (district_id, referring_organization_id, service_id, provider_organization_id, need_id, subject_kind, people_count, category_code, municipality_code)
    values (${referral.districtId}::uuid, ${referral.referringOrganizationId}::uuid, ${referral.serviceId}::uuid, ${referral.providerOrganizationId}::uuid,
      ${referral.needId}::uuid, ${referral.subjectKind}, ${referral.peopleCount}, ${referral.categoryCode}, ${referral.municipalityCode})
    returning id`);
  return result.rows[0]!.id;
}

export async function insertReferralDetails(tx: DbExecutor, referralId: string, details: string): Promise<void> {
  await tx.execute(sql`insert into referral_details (referral_id, details) values (${referralId}::uuid, ${details})`);
}

export async function insertReferralEvent(tx: DbExecutor, event: { referralId: string; fromStatus: string | null; toStatus: string; note: string; actorLabel: string }): Promise<void> {
  await tx.execute(sql`
    insert into referral_events (referral_id, from_status, to_status, note, actor_label)
    values (${event.referralId}::uuid, ${event.fromStatus}, ${event.toStatus}, ${event.note}, ${event.actorLabel})`);
}

export async function selectReferral(db: DbExecutor, referralId: string): Promise<ReferralRow | null> {
  const result = await db.execute<ReferralRow>(sql`select ${referralColumns} from referrals r ${referralJoins} where r.id = ${referralId}::uuid`);
  return result.rows[0] ?? null;
}

export async function selectReferralDetails(db: DbExecutor, referralId: string): Promise<string | null> {
  const result = await db.execute<{ details: string }>(sql`select details from referral_details where referral_id = ${referralId}::uuid`);
  return result.rows[0]?.details ?? null;
}

export async function selectReferralEvents(db: DbExecutor, referralId: string): Promise<{ from_status: string | null; to_status: string; note: string; actor_label: string; at: string }[]> {
  const result = await db.execute<{ from_status: string | null; to_status: string; note: string; actor_label: string; at: string }>(sql`
    select from_status, to_status, note, actor_label, at from referral_events where referral_id = ${referralId}::uuid order by id`);
  return result.rows;
}

export async function updateReferralStatus(
  tx: DbExecutor,
  change: { id: string; version: number; status: string; reason: string; isFirstAnswer: boolean; isClosing: boolean },
): Promise<boolean> {
  const result = await tx.execute(sql`
    update referrals set status = ${change.status}, status_reason = ${change.reason}, version = version + 1, updated_at = now(),
      first_answered_at = case when ${change.isFirstAnswer} and first_answered_at is null then now() else first_answered_at end,
      closed_at = case when ${change.isClosing} then now() else closed_at end
    where id = ${change.id}::uuid and version = ${change.version}`);
  return (result.rowCount ?? 0) === 1;
}

/** Which referrals an actor may read: its organizations' (as referrer or provider) and its coordinated districts'. */
export interface ReferralVisibility {
  organizationIds: string[];
  districtIds: string[];
}

function visibleReferrals(visibility: ReferralVisibility): SQL {
  return sql`(r.referring_organization_id = any(${sql.param(visibility.organizationIds)}::uuid[])
    or r.provider_organization_id = any(${sql.param(visibility.organizationIds)}::uuid[])
    or r.district_id = any(${sql.param(visibility.districtIds)}::uuid[]))`;
}

function referralFilters(visibility: ReferralVisibility, filter: { districtId?: string | undefined; status?: string | undefined; q?: string | undefined }): SQL {
  const filters: SQL[] = [visibleReferrals(visibility)];
  if (filter.districtId) filters.push(sql`r.district_id = ${filter.districtId}::uuid`);
  if (filter.status) filters.push(sql`r.status = ${filter.status}`);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(s.name ilike ${pattern} or ro.legal_name ilike ${pattern} or po.legal_name ilike ${pattern})`);
  }
  return sql.join(filters, sql` and `);
}

export async function selectVisibleReferrals(
  db: DbExecutor,
  visibility: ReferralVisibility,
  filter: { districtId?: string | undefined; status?: string | undefined; q?: string | undefined },
): Promise<{ items: ReferralRow[]; total: number }> {
  const where = referralFilters(visibility, filter);
  const items = await db.execute<ReferralRow>(sql`
    select ${referralColumns} from referrals r ${referralJoins} where ${where} order by r.sent_at desc, r.id limit 500`);
  const total = await db.execute<{ total: number }>(sql`select count(*)::int as total from referrals r ${referralJoins} where ${where}`);
  return { items: items.rows, total: total.rows[0]!.total };
}

/** How many referrals the visibility lets one read, in a district (the district page's count). */
export async function selectVisibleReferralCount(db: DbExecutor, visibility: ReferralVisibility, districtId: string): Promise<number> {
  const result = await db.execute<{ total: number }>(sql`
    select count(*)::int as total from referrals r ${referralJoins} where ${referralFilters(visibility, { districtId })}`);
  return result.rows[0]!.total;
}

export type ReferralReportRow = {
  dimension: 'all' | 'status' | 'provider' | 'category';
  key: string;
  label: string;
  total: number;
  answered: number;
  closed_with_outcome: number;
  median_hours_to_answer: number | null;
}

/** Counts, answers, outcomes and median time to answer, overall, by status, by provider and by category, in one statement. */
export async function selectReferralReport(
  db: DbExecutor,
  visibility: ReferralVisibility,
  filter: { districtId?: string | undefined },
  language: Language = 'it',
): Promise<ReferralReportRow[]> {
  const where = referralFilters(visibility, filter);
  const categoryLabel = language === 'en' ? sql`t.label_en` : sql`t.label_it`;
  const result = await db.execute<ReferralReportRow>(sql`
    with visible as (
      select r.*, po.legal_name as provider_name, coalesce(${categoryLabel}, r.category_code) as category_label,
        extract(epoch from (r.first_answered_at - r.sent_at)) / 3600.0 as hours_to_answer
      from referrals r ${referralJoins}
      left join service_category_labels t on t.code = r.category_code
      where ${where}
    ),
    keyed as (
      select 'all' as dimension, 'all' as key, 'all' as label, v.* from visible v
      union all select 'status', v.status, v.status, v.* from visible v
      union all select 'provider', v.provider_organization_id::text, v.provider_name, v.* from visible v
      union all select 'category', v.category_code, v.category_label, v.* from visible v
    )
    select dimension, key, min(label) as label, count(*)::int as total,
      count(first_answered_at)::int as answered,
      count(*) filter (where status in ('declined', 'served', 'not_served'))::int as closed_with_outcome,
      (percentile_cont(0.5) within group (order by hours_to_answer))::float8 as median_hours_to_answer
    from keyed group by dimension, key order by dimension, total desc, key`);
  return result.rows;
}

/** Referrals waiting for the provider (sent) for at least `days` days since they were (re)sent, not reminded today. */
export async function selectReferralsToRemind(db: DbExecutor, days: number, today: string): Promise<ReferralRow[]> {
  const result = await db.execute<ReferralRow>(sql`
    select ${referralColumns} from referrals r ${referralJoins}
    where r.status = 'sent'
      and (select max(e.at) from referral_events e where e.referral_id = r.id) <= ${today}::date - ${days}::int
      and (r.last_reminded_on is null or r.last_reminded_on < ${today}::date)
    order by r.sent_at`);
  return result.rows;
}

export async function markReferralReminded(tx: DbExecutor, referralId: string, today: string): Promise<boolean> {
  const result = await tx.execute(sql`
    update referrals set last_reminded_on = ${today}::date
    where id = ${referralId}::uuid and (last_reminded_on is null or last_reminded_on < ${today}::date)`);
  return (result.rowCount ?? 0) === 1;
}

/** The demo organization a demo account is attached to, by its legal name (demo rows only). */
export async function selectDemoFirm(db: DbExecutor, legalName: string): Promise<{ id: string } | null> {
  const result = await db.execute<{ id: string }>(sql`select id from organization_names where legal_name = ${legalName} and is_demo limit 1`);
  return result.rows[0] ?? null;
}

/** The demo seed's lookups: the demo district and a demo organization's service by its name. */
export async function selectDemoDistrictForMatching(db: DbExecutor): Promise<{ id: string } | null> {
  const result = await db.execute<{ id: string }>(sql`select id from district_names where is_demo order by created_at, id limit 1`);
  return result.rows[0] ?? null;
}

export async function selectServiceOfOrganizationByName(db: DbExecutor, organizationId: string, name: string): Promise<{ id: string } | null> {
  const result = await db.execute<{ id: string }>(sql`
    select id from service_offers where organization_id = ${organizationId}::uuid and name = ${name} order by id limit 1`);
  return result.rows[0] ?? null;
}
