import { sql } from 'drizzle-orm';
import type { ApplicationStatus, CriterionKind } from '../../../common/domain/labels';
import type { DbExecutor } from '../../platform/db/database';

// The labels module's SQL (schemes, criteria, assessors, applications, evidence, decisions, awards).

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());
const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : iso(value));

export interface SchemeRow {
  id: string;
  districtId: string | null;
  districtName: string | null;
  name: string;
  description: string;
  thresholdScore: number;
  validityMonths: number;
  createdAt: string;
  version: number;
}

export interface CriterionRow {
  id: string;
  schemeId: string;
  position: number;
  description: string;
  evidenceRequired: string;
  kind: CriterionKind;
  maxScore: number | null;
}

type RawScheme = { id: string; district_id: string | null; district_name: string | null; name: string; description: string; threshold_score: number; validity_months: number; created_at: Date; version: number };
const toScheme = (row: RawScheme): SchemeRow => ({
  id: row.id,
  districtId: row.district_id,
  districtName: row.district_name,
  name: row.name,
  description: row.description,
  thresholdScore: row.threshold_score,
  validityMonths: row.validity_months,
  createdAt: iso(row.created_at),
  version: row.version,
});

const SCHEME_COLUMNS = sql`s.id, s.district_id, d.name as district_name, s.name, s.description, s.threshold_score, s.validity_months, s.created_at, s.version`;

export async function insertScheme(
  db: DbExecutor,
  values: { districtId: string | null; name: string; description: string; thresholdScore: number; validityMonths: number; createdBy: string | null },
  criteria: { description: string; evidenceRequired: string; kind: CriterionKind; maxScore: number | null }[],
  assessorUserIds: string[],
): Promise<string> {
  const inserted = await db.execute<{ id: string }>(sql`
    insert into label_schemes (district_id, name, description, threshold_score, validity_months, created_by)
    values (${values.districtId}, ${values.name}, ${values.description}, ${values.thresholdScore}, ${values.validityMonths}, ${values.createdBy})
    returning id`);
  const schemeId = inserted.rows[0]!.id;
  for (const [index, criterion] of criteria.entries()) {
    await db.execute(sql`
      insert into label_criteria (scheme_id, position, description, evidence_required, kind, max_score)
      values (${schemeId}, ${index + 1}, ${criterion.description}, ${criterion.evidenceRequired}, ${criterion.kind}, ${criterion.maxScore})`);
  }
  for (const userId of assessorUserIds) await db.execute(sql`insert into label_scheme_assessors (scheme_id, user_id) values (${schemeId}, ${userId})`);
  return schemeId;
}

export async function selectScheme(db: DbExecutor, schemeId: string): Promise<SchemeRow | null> {
  const result = await db.execute<RawScheme>(sql`select ${SCHEME_COLUMNS} from label_schemes s left join district_names d on d.id = s.district_id where s.id = ${schemeId}`);
  return result.rows[0] ? toScheme(result.rows[0]) : null;
}

export async function selectSchemes(db: DbExecutor): Promise<SchemeRow[]> {
  const result = await db.execute<RawScheme>(sql`select ${SCHEME_COLUMNS} from label_schemes s left join district_names d on d.id = s.district_id order by s.name, s.id`);
  return result.rows.map(toScheme);
}

export async function selectCriteria(db: DbExecutor, schemeIds: string[]): Promise<CriterionRow[]> {
  if (schemeIds.length === 0) return [];
  const result = await db.execute<{ id: string; scheme_id: string; position: number; description: string; evidence_required: string; kind: CriterionKind; max_score: number | null }>(sql`
    select id, scheme_id, position, description, evidence_required, kind, max_score from label_criteria
    where scheme_id = any(${sql.param(schemeIds)}::uuid[]) order by scheme_id, position`);
  return result.rows.map((row) => ({ id: row.id, schemeId: row.scheme_id, position: row.position, description: row.description, evidenceRequired: row.evidence_required, kind: row.kind, maxScore: row.max_score }));
}

export async function selectAssessorIds(db: DbExecutor, schemeIds: string[]): Promise<{ schemeId: string; userId: string }[]> {
  if (schemeIds.length === 0) return [];
  const result = await db.execute<{ scheme_id: string; user_id: string }>(sql`
    select scheme_id, user_id from label_scheme_assessors where scheme_id = any(${sql.param(schemeIds)}::uuid[]) order by scheme_id, user_id`);
  return result.rows.map((row) => ({ schemeId: row.scheme_id, userId: row.user_id }));
}

/** Each scheme's labels valid on `today` (not revoked, last valid day not passed): the rule of labelState in SQL. */
export async function countValidLabels(db: DbExecutor, schemeIds: string[], today: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (schemeIds.length === 0) return counts;
  const result = await db.execute<{ scheme_id: string; n: number }>(sql`
    select scheme_id, count(*)::int as n from label_awards
    where scheme_id = any(${sql.param(schemeIds)}::uuid[]) and revoked_on is null and valid_until >= ${today}::date
    group by scheme_id`);
  for (const row of result.rows) counts.set(row.scheme_id, row.n);
  return counts;
}

/** The organizations currently members of a district (the districts module's published view), for the assessor candidates. */
export async function selectDistrictMemberOrganizationIds(db: DbExecutor, districtId: string): Promise<string[]> {
  const result = await db.execute<{ organization_id: string }>(sql`
    select distinct organization_id from current_district_memberships where district_id = ${districtId}::uuid`);
  return result.rows.map((row) => row.organization_id);
}

export interface ApplicationRow {
  id: string;
  schemeId: string;
  organizationId: string;
  organizationName: string;
  status: ApplicationStatus;
  renewsAwardId: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  version: number;
}

type RawApplication = { id: string; scheme_id: string; organization_id: string; organization_name: string; status: ApplicationStatus; renews_award_id: string | null; submitted_at: Date | null; decided_at: Date | null; decision_reason: string | null; version: number };
const toApplication = (row: RawApplication): ApplicationRow => ({
  id: row.id,
  schemeId: row.scheme_id,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  status: row.status,
  renewsAwardId: row.renews_award_id,
  submittedAt: isoOrNull(row.submitted_at),
  decidedAt: isoOrNull(row.decided_at),
  decisionReason: row.decision_reason,
  version: row.version,
});
const APPLICATION_COLUMNS = sql`a.id, a.scheme_id, a.organization_id, o.display_name as organization_name, a.status, a.renews_award_id, a.submitted_at, a.decided_at, a.decision_reason, a.version`;

export async function insertApplication(db: DbExecutor, values: { schemeId: string; organizationId: string; renewsAwardId: string | null; createdBy: string | null }): Promise<string | null> {
  // The partial unique index keeps one open application per organization and scheme: a second one inserts nothing.
  const result = await db.execute<{ id: string }>(sql`
    insert into label_applications (scheme_id, organization_id, status, renews_award_id, created_by)
    values (${values.schemeId}, ${values.organizationId}, 'draft', ${values.renewsAwardId}, ${values.createdBy})
    on conflict (scheme_id, organization_id) where status in ('draft', 'submitted') do nothing
    returning id`);
  return result.rows[0]?.id ?? null;
}

export async function selectApplication(db: DbExecutor, applicationId: string, options: { forUpdate?: boolean } = {}): Promise<ApplicationRow | null> {
  if (options.forUpdate) await db.execute(sql`select 1 from label_applications where id = ${applicationId} for update`);
  const result = await db.execute<RawApplication>(sql`
    select ${APPLICATION_COLUMNS} from label_applications a join organization_public_fields o on o.id = a.organization_id where a.id = ${applicationId}`);
  return result.rows[0] ? toApplication(result.rows[0]) : null;
}

/**
 * The applications a caller may read: of these organizations (the caller's), of schemes of these districts (the
 * caller coordinates), of schemes the caller assesses, or all of them (platform admins).
 */
export async function selectApplications(db: DbExecutor, scope: { all: boolean; organizationIds: string[]; districtIds: string[]; assessorUserId: string | null }): Promise<(ApplicationRow & { schemeName: string })[]> {
  const result = await db.execute<RawApplication & { scheme_name: string }>(sql`
    select ${APPLICATION_COLUMNS}, s.name as scheme_name
    from label_applications a join label_schemes s on s.id = a.scheme_id join organization_public_fields o on o.id = a.organization_id
    where ${scope.all}
       or a.organization_id = any(${sql.param(scope.organizationIds)}::uuid[])
       or s.district_id = any(${sql.param(scope.districtIds)}::uuid[])
       or exists (select 1 from label_scheme_assessors x where x.scheme_id = s.id and x.user_id = ${scope.assessorUserId}::uuid)
    order by coalesce(a.submitted_at, a.created_at) desc, a.id`);
  return result.rows.map((row) => ({ ...toApplication(row), schemeName: row.scheme_name }));
}

export async function hasOpenApplication(db: DbExecutor, schemeId: string, organizationId: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from label_applications where scheme_id = ${schemeId} and organization_id = ${organizationId} and status in ('draft', 'submitted')`);
  return result.rows.length > 0;
}

/** Moves the application to `status` if its version is still `version`; false when someone changed it meanwhile. */
export async function updateApplicationStatus(
  db: DbExecutor,
  applicationId: string,
  version: number,
  values: { status: ApplicationStatus; submitted?: boolean; decided?: boolean; reason?: string | null },
): Promise<boolean> {
  const result = await db.execute(sql`
    update label_applications set status = ${values.status}, version = version + 1,
      submitted_at = case when ${values.submitted ?? false} then now() else submitted_at end,
      decided_at = case when ${values.decided ?? false} then now() else decided_at end,
      decision_reason = case when ${values.decided ?? false} then ${values.reason ?? null} else decision_reason end
    where id = ${applicationId} and version = ${version}
    returning id`);
  return result.rows.length > 0;
}

export async function touchApplication(db: DbExecutor, applicationId: string): Promise<void> {
  await db.execute(sql`update label_applications set version = version + 1 where id = ${applicationId}`);
}

export async function selectEvidence(db: DbExecutor, applicationId: string): Promise<Map<string, string>> {
  const result = await db.execute<{ criterion_id: string; text: string }>(sql`select criterion_id, text from label_evidence where application_id = ${applicationId}`);
  return new Map(result.rows.map((row) => [row.criterion_id, row.text]));
}

export async function upsertEvidence(db: DbExecutor, applicationId: string, criterionId: string, text: string): Promise<string | null> {
  const before = await db.execute<{ text: string }>(sql`select text from label_evidence where application_id = ${applicationId} and criterion_id = ${criterionId}`);
  await db.execute(sql`
    insert into label_evidence (application_id, criterion_id, text) values (${applicationId}, ${criterionId}, ${text})
    on conflict (application_id, criterion_id) do update set text = excluded.text, updated_at = now()`);
  return before.rows[0]?.text ?? null;
}

export interface DecisionRow {
  criterionId: string;
  assessorUserId: string | null;
  met: boolean | null;
  score: number | null;
  note: string;
  decidedAt: string;
}

export async function selectDecisions(db: DbExecutor, applicationId: string): Promise<DecisionRow[]> {
  const result = await db.execute<{ criterion_id: string; assessor_user_id: string | null; met: boolean | null; score: number | null; note: string; decided_at: Date }>(sql`
    select criterion_id, assessor_user_id, met, score, note, decided_at from label_decisions where application_id = ${applicationId}`);
  return result.rows.map((row) => ({ criterionId: row.criterion_id, assessorUserId: row.assessor_user_id, met: row.met, score: row.score, note: row.note, decidedAt: iso(row.decided_at) }));
}

export async function upsertDecision(db: DbExecutor, applicationId: string, criterionId: string, values: { assessorUserId: string | null; met: boolean | null; score: number | null; note: string }): Promise<void> {
  await db.execute(sql`
    insert into label_decisions (application_id, criterion_id, assessor_user_id, met, score, note)
    values (${applicationId}, ${criterionId}, ${values.assessorUserId}, ${values.met}, ${values.score}, ${values.note})
    on conflict (application_id, criterion_id) do update
      set assessor_user_id = excluded.assessor_user_id, met = excluded.met, score = excluded.score, note = excluded.note, decided_at = now()`);
}

/**
 * How the person is tied to the organization, if at all: a role on it (an account's grant, passed in as
 * `grantedOrganizationIds`, or a role in the registry), or a tie to an organization in a confirmed, current
 * relationship with it. Null: no tie.
 */
export async function selectTie(db: DbExecutor, userId: string, grantedOrganizationIds: string[], organizationId: string): Promise<{ kind: 'membership' | 'relationship'; organizationId: string } | null> {
  const result = await db.execute<{ kind: 'membership' | 'relationship'; organization_id: string }>(sql`
    with tied as (
      select unnest(${sql.param(grantedOrganizationIds)}::uuid[]) as organization_id
      union
      select organization_id from organization_person_users where user_id = ${userId}::uuid
    )
    select 'membership' as kind, organization_id from tied where organization_id = ${organizationId}::uuid
    union all
    select 'relationship', r.related_organization_id from organization_related_pairs r join tied t on t.organization_id = r.related_organization_id
    where r.organization_id = ${organizationId}::uuid
    limit 1`);
  const row = result.rows[0];
  return row ? { kind: row.kind, organizationId: row.organization_id } : null;
}

export interface AwardRow {
  id: string;
  schemeId: string;
  organizationId: string;
  applicationId: string;
  lastApplicationId: string;
  publicCode: string;
  validFrom: string;
  validUntil: string;
  revokedOn: string | null;
  revocationReason: string | null;
  remindedForUntil: string | null;
  version: number;
}

type RawAward = { id: string; scheme_id: string; organization_id: string; application_id: string; last_application_id: string; public_code: string; valid_from: string; valid_until: string; revoked_on: string | null; revocation_reason: string | null; reminded_for_until: string | null; version: number };
const toAward = (row: RawAward): AwardRow => ({
  id: row.id,
  schemeId: row.scheme_id,
  organizationId: row.organization_id,
  applicationId: row.application_id,
  lastApplicationId: row.last_application_id,
  publicCode: row.public_code,
  validFrom: row.valid_from,
  validUntil: row.valid_until,
  revokedOn: row.revoked_on,
  revocationReason: row.revocation_reason,
  remindedForUntil: row.reminded_for_until,
  version: row.version,
});

export async function selectAward(db: DbExecutor, awardId: string, options: { forUpdate?: boolean } = {}): Promise<AwardRow | null> {
  const result = await db.execute<RawAward>(options.forUpdate ? sql`select * from label_awards where id = ${awardId} for update` : sql`select * from label_awards where id = ${awardId}`);
  return result.rows[0] ? toAward(result.rows[0]) : null;
}

/** The award an application gave or extended. */
export async function selectAwardOfApplication(db: DbExecutor, applicationId: string): Promise<AwardRow | null> {
  const result = await db.execute<RawAward>(sql`select * from label_awards where application_id = ${applicationId} or last_application_id = ${applicationId} limit 1`);
  return result.rows[0] ? toAward(result.rows[0]) : null;
}

export async function selectAwardByCode(db: DbExecutor, code: string): Promise<(AwardRow & { organizationName: string; schemeName: string; districtName: string | null }) | null> {
  const result = await db.execute<RawAward & { organization_name: string; scheme_name: string; district_name: string | null }>(sql`
    select a.*, o.display_name as organization_name, s.name as scheme_name, d.name as district_name
    from label_awards a join label_schemes s on s.id = a.scheme_id join organization_public_fields o on o.id = a.organization_id
    left join district_names d on d.id = s.district_id
    where a.public_code = ${code}`);
  const row = result.rows[0];
  return row ? { ...toAward(row), organizationName: row.organization_name, schemeName: row.scheme_name, districtName: row.district_name } : null;
}

export async function insertAward(db: DbExecutor, values: { schemeId: string; organizationId: string; applicationId: string; publicCode: string; validFrom: string; validUntil: string }): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`
    insert into label_awards (scheme_id, organization_id, application_id, last_application_id, public_code, valid_from, valid_until)
    values (${values.schemeId}, ${values.organizationId}, ${values.applicationId}, ${values.applicationId}, ${values.publicCode}, ${values.validFrom}, ${values.validUntil})
    returning id`);
  return result.rows[0]!.id;
}

export async function extendAward(db: DbExecutor, awardId: string, values: { applicationId: string; validFrom: string; validUntil: string }): Promise<void> {
  await db.execute(sql`
    update label_awards set last_application_id = ${values.applicationId}, valid_from = ${values.validFrom}, valid_until = ${values.validUntil}, version = version + 1
    where id = ${awardId}`);
}

export async function revokeAwardRow(db: DbExecutor, awardId: string, revokedOn: string, reason: string): Promise<void> {
  await db.execute(sql`update label_awards set revoked_on = ${revokedOn}, revocation_reason = ${reason}, version = version + 1 where id = ${awardId}`);
}

/** Awards not revoked whose last valid day falls between the two days, not yet reminded for that day. */
export async function selectAwardsToRemind(db: DbExecutor, fromDay: string, untilDay: string): Promise<(AwardRow & { organizationName: string; schemeName: string; districtId: string | null })[]> {
  const result = await db.execute<RawAward & { organization_name: string; scheme_name: string; district_id: string | null }>(sql`
    select a.*, o.display_name as organization_name, s.name as scheme_name, s.district_id
    from label_awards a join label_schemes s on s.id = a.scheme_id join organization_public_fields o on o.id = a.organization_id
    where a.revoked_on is null and a.valid_until between ${fromDay}::date and ${untilDay}::date
      and (a.reminded_for_until is null or a.reminded_for_until <> a.valid_until)
    order by a.valid_until, a.id`);
  return result.rows.map((row) => ({ ...toAward(row), organizationName: row.organization_name, schemeName: row.scheme_name, districtId: row.district_id }));
}

/** Marks the reminder sent for the award's current last day (compare-and-set: two runs the same day mail once). */
export async function markReminded(db: DbExecutor, awardId: string, validUntil: string): Promise<boolean> {
  const result = await db.execute(sql`
    update label_awards set reminded_for_until = valid_until
    where id = ${awardId} and valid_until = ${validUntil}::date and revoked_on is null and (reminded_for_until is null or reminded_for_until <> valid_until)
    returning id`);
  return result.rows.length > 0;
}

/** For the demo seed: the demo district, the demo organizations by legal name, and whether the demo scheme exists. */
export async function selectDemoDistrictId(db: DbExecutor): Promise<string | null> {
  const result = await db.execute<{ id: string }>(sql`select id from district_names where is_demo order by created_at limit 1`);
  return result.rows[0]?.id ?? null;
}

export async function selectDemoOrganizationIds(db: DbExecutor, legalNames: string[]): Promise<Map<string, string>> {
  const result = await db.execute<{ id: string; legal_name: string }>(sql`
    select id, legal_name from organization_public_fields where is_demo and legal_name = any(${sql.param(legalNames)}::text[])`);
  return new Map(result.rows.map((row) => [row.legal_name, row.id]));
}

export async function schemeNamed(db: DbExecutor, districtId: string, name: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from label_schemes where district_id = ${districtId} and name = ${name}`);
  return result.rows.length > 0;
}
