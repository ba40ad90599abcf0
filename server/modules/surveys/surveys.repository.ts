import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { TInvitation, TSurveySummary } from '../../../common/contracts/surveys';
import type { DbExecutor } from '../../platform/db/database';
import { latestMailOfTopicSql } from '../../platform/mail/mail-outbox';
import { selectExistingCategoryCodes } from '../services';
import { surveyAnswers, surveyInvitations, surveyQuestions, surveyResponses, surveys, surveySections } from './surveys.schema';

export type SurveyRow = typeof surveys.$inferSelect;
export type NewSurvey = typeof surveys.$inferInsert;
export type SectionRow = typeof surveySections.$inferSelect;
export type QuestionRow = typeof surveyQuestions.$inferSelect;
export type NewQuestion = typeof surveyQuestions.$inferInsert;
export type ResponseRow = typeof surveyResponses.$inferSelect;
export type AnswerRow = typeof surveyAnswers.$inferSelect;
export type InvitationRow = typeof surveyInvitations.$inferSelect;

// ---- Surveys ----

export async function insertSurvey(db: DbExecutor, values: NewSurvey): Promise<SurveyRow> {
  const [row] = await db.insert(surveys).values(values).returning();
  return row!;
}

export async function selectSurvey(db: DbExecutor, id: string): Promise<SurveyRow | null> {
  const [row] = await db.select().from(surveys).where(eq(surveys.id, id));
  return row ?? null;
}

/** Locks the survey row for a structural change (sections, questions, order) and bumps its version. */
export async function bumpSurveyVersion(db: DbExecutor, id: string, expectedVersion: number, changes: Partial<NewSurvey> = {}): Promise<SurveyRow | null> {
  const [row] = await db
    .update(surveys)
    .set({ ...changes, version: sql`${surveys.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(surveys.id, id), eq(surveys.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function updateSurveyColumns(db: DbExecutor, id: string, changes: Partial<NewSurvey>): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.update(surveys).set(changes).where(eq(surveys.id, id));
}

/** Surveys of these districts (null: all), with counts; newest first. */
/** How many surveys a district has (the district page's count). */
export async function selectDistrictSurveyCount(db: DbExecutor, districtId: string): Promise<number> {
  const result = await db.execute<{ total: number }>(sql`select count(*)::int as total from surveys where district_id = ${districtId}`);
  return result.rows[0]!.total;
}

export async function selectSurveySummaries(db: DbExecutor, districtIds: string[] | null, onlyId?: string): Promise<TSurveySummary[]> {
  const conditions: SQL[] = [sql`true`];
  if (districtIds !== null) conditions.push(sql`s.district_id = any(${sql.param(districtIds)}::uuid[])`);
  if (onlyId) conditions.push(sql`s.id = ${onlyId}`);
  const result = await db.execute<{
    id: string; district_id: string | null; district_name: string | null; region_code: string | null; title: string;
    status: TSurveySummary['status']; opens_on: string | null; closes_on: string | null; is_demo: boolean;
    question_count: number; invitation_count: number; submitted_count: number; updated_at: string | Date;
  }>(sql`
    select s.id, s.district_id, d.name as district_name, s.region_code, s.title, s.status, s.opens_on, s.closes_on, s.is_demo,
      (select count(*) from survey_questions q where q.survey_id = s.id)::int as question_count,
      (select count(*) from survey_invitations i where i.survey_id = s.id)::int as invitation_count,
      (select count(*) from survey_responses r where r.survey_id = s.id and r.status = 'submitted')::int as submitted_count,
      s.updated_at
    from surveys s left join district_names d on d.id = s.district_id
    where ${sql.join(conditions, sql` and `)}
    order by s.updated_at desc, s.id`);
  return result.rows.map((row) => ({
    id: row.id, districtId: row.district_id, districtName: row.district_name, regionCode: row.region_code, title: row.title,
    status: row.status, opensOn: row.opens_on, closesOn: row.closes_on, isDemo: row.is_demo, questionCount: row.question_count,
    invitationCount: row.invitation_count, submittedCount: row.submitted_count, updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

export async function countInProgress(db: DbExecutor, surveyId: string): Promise<number> {
  const result = await db.execute<{ count: number }>(sql`
    select count(*)::int as count from survey_responses where survey_id = ${surveyId} and status = 'in_progress'`);
  return result.rows[0]!.count;
}

// ---- Sections and questions ----

export async function selectSections(db: DbExecutor, surveyId: string): Promise<SectionRow[]> {
  return db.select().from(surveySections).where(eq(surveySections.surveyId, surveyId)).orderBy(asc(surveySections.position));
}

export async function selectQuestions(db: DbExecutor, surveyId: string): Promise<QuestionRow[]> {
  return db
    .select()
    .from(surveyQuestions)
    .innerJoin(surveySections, eq(surveySections.id, surveyQuestions.sectionId))
    .where(eq(surveyQuestions.surveyId, surveyId))
    .orderBy(asc(surveySections.position), asc(surveyQuestions.position))
    .then((rows) => rows.map((row) => row.survey_questions));
}

/** Responses that answered each question (any status). */
export async function selectAnswerCounts(db: DbExecutor, surveyId: string): Promise<Map<string, number>> {
  const result = await db.execute<{ question_id: string; count: number }>(sql`
    select a.question_id, count(distinct a.response_id)::int as count
    from survey_answers a join survey_questions q on q.id = a.question_id
    where q.survey_id = ${surveyId} group by a.question_id`);
  return new Map(result.rows.map((row) => [row.question_id, row.count]));
}

/** The option or row codes of one question that some answer uses (they cannot be removed). */
export async function selectUsedItemCodes(db: DbExecutor, questionId: string): Promise<Set<string>> {
  const result = await db.execute<{ code: string }>(sql`
    select distinct coalesce(nullif(item_code, ''), choice_code) as code from survey_answers
    where question_id = ${questionId} and coalesce(nullif(item_code, ''), choice_code) is not null`);
  return new Set(result.rows.map((row) => row.code));
}

export async function insertSection(db: DbExecutor, values: typeof surveySections.$inferInsert): Promise<SectionRow> {
  const [row] = await db.insert(surveySections).values(values).returning();
  return row!;
}

export async function updateSection(db: DbExecutor, id: string, values: { title?: string; description?: string; position?: number }): Promise<void> {
  await db.update(surveySections).set(values).where(eq(surveySections.id, id));
}

export async function deleteSection(db: DbExecutor, id: string): Promise<void> {
  await db.delete(surveySections).where(eq(surveySections.id, id));
}

export async function insertQuestion(db: DbExecutor, values: NewQuestion): Promise<QuestionRow> {
  const [row] = await db.insert(surveyQuestions).values(values).returning();
  return row!;
}

export async function updateQuestion(db: DbExecutor, id: string, values: Partial<NewQuestion>): Promise<void> {
  await db.update(surveyQuestions).set(values).where(eq(surveyQuestions.id, id));
}

export async function deleteQuestion(db: DbExecutor, id: string): Promise<void> {
  await db.delete(surveyQuestions).where(eq(surveyQuestions.id, id));
}

/** The taxonomy codes among `codes` that exist (the services taxonomy: reference data read by a join). */
export async function selectExistingTaxonomyCodes(db: DbExecutor, codes: string[]): Promise<Set<string>> {
  return selectExistingCategoryCodes(db, codes);
}

export async function selectExistingMunicipalityCodes(db: DbExecutor, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const result = await db.execute<{ istat_code: string }>(sql`
    select istat_code from municipalities where istat_code = any(${sql.param(codes)}::text[])`);
  return new Set(result.rows.map((row) => row.istat_code));
}

export async function districtExists(db: DbExecutor, districtId: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from district_names where id = ${districtId}`);
  return result.rows.length > 0;
}

// ---- Invitations ----

export interface CandidateFilter {
  surveyDistrictId: string | null;
  surveyRegionCode: string | null;
  onlyDistrictMembers: boolean;
  kinds: string[];
  sizeClasses: string[];
  organizationIds: string[];
}

export interface CandidateRow {
  organizationId: string;
  name: string;
  kind: string;
  sizeClass: string | null;
  email: string | null;
  alreadyInvited: boolean;
}

/**
 * Active organizations matching the filter: members of the survey's district (current membership) or, otherwise,
 * headquartered in the district's municipalities (the region's, for a regional survey).
 */
export async function selectInvitationCandidates(db: DbExecutor, surveyId: string, filter: CandidateFilter): Promise<CandidateRow[]> {
  const conditions: SQL[] = [sql`o.status = 'active'`];
  if (filter.surveyDistrictId && filter.onlyDistrictMembers) {
    conditions.push(sql`exists (select 1 from current_district_memberships dm where dm.district_id = ${filter.surveyDistrictId}
      and dm.organization_id = o.id)`);
  } else if (filter.surveyDistrictId) {
    conditions.push(sql`(exists (select 1 from current_district_memberships dm where dm.district_id = ${filter.surveyDistrictId}
      and dm.organization_id = o.id)
      or o.municipality_code in (select municipality_code from district_area_municipalities where district_id = ${filter.surveyDistrictId}))`);
  } else if (filter.surveyRegionCode) {
    conditions.push(sql`o.municipality_code in (select m.istat_code from municipalities m join provinces p on p.code = m.province_code
      where p.region_code = ${filter.surveyRegionCode})`);
  }
  if (filter.kinds.length > 0) conditions.push(sql`o.kind = any(${sql.param(filter.kinds)}::text[])`);
  if (filter.sizeClasses.length > 0) conditions.push(sql`o.size_class = any(${sql.param(filter.sizeClasses)}::text[])`);
  if (filter.organizationIds.length > 0) conditions.push(sql`o.id = any(${sql.param(filter.organizationIds)}::uuid[])`);
  const result = await db.execute<{ id: string; name: string; kind: string; size_class: string | null; email: string | null; invited: boolean }>(sql`
    select o.id, coalesce(o.short_name, o.legal_name) as name, o.kind, o.size_class, coalesce(o.email, o.pec) as email,
      exists (select 1 from survey_invitations i where i.survey_id = ${surveyId} and i.organization_id = o.id) as invited
    from organization_public_fields o where ${sql.join(conditions, sql` and `)}
    order by o.legal_name, o.id limit 5000`);
  return result.rows.map((row) => ({
    organizationId: row.id, name: row.name, kind: row.kind, sizeClass: row.size_class, email: row.email, alreadyInvited: row.invited,
  }));
}

export async function insertInvitation(db: DbExecutor, values: typeof surveyInvitations.$inferInsert): Promise<InvitationRow> {
  const [row] = await db.insert(surveyInvitations).values(values).returning();
  return row!;
}

export async function selectInvitation(db: DbExecutor, surveyId: string, id: string): Promise<InvitationRow | null> {
  const [row] = await db.select().from(surveyInvitations).where(and(eq(surveyInvitations.id, id), eq(surveyInvitations.surveyId, surveyId)));
  return row ?? null;
}

export async function updateInvitationToken(db: DbExecutor, id: string, tokenHash: string): Promise<void> {
  await db.update(surveyInvitations).set({ tokenHash }).where(eq(surveyInvitations.id, id));
}

export async function selectInvitationList(db: DbExecutor, surveyId: string): Promise<TInvitation[]> {
  const result = await db.execute<{
    id: string; organization_id: string; name: string; kind: string; email: string | null; created_at: string | Date;
    sent_at: string | Date | null; mail_status: TInvitation['mailStatus'] | null; response_status: TInvitation['responseStatus'] | null;
  }>(sql`
    select i.id, i.organization_id, coalesce(o.short_name, o.legal_name) as name, o.kind, i.email, i.created_at,
      coalesce(i.sent_at, m.sent_at) as sent_at, m.status as mail_status, r.status as response_status
    from survey_invitations i
    join organization_public_fields o on o.id = i.organization_id
    left join lateral (${latestMailOfTopicSql('survey_invitation', sql`i.id`)}) m on true
    left join survey_responses r on r.invitation_id = i.id
    where i.survey_id = ${surveyId}
    order by o.legal_name, i.id`);
  const iso = (value: string | Date) => new Date(value).toISOString();
  return result.rows.map((row) => ({
    id: row.id, organizationId: row.organization_id, organizationName: row.name, kind: row.kind, email: row.email,
    createdAt: iso(row.created_at), sentAt: row.sent_at === null ? null : iso(row.sent_at),
    mailStatus: row.mail_status ?? 'none', responseStatus: row.response_status ?? 'none',
  }));
}

/** The invitation of a link token: the mailed one, or the one issued to a signed-in member of the organization. */
export async function selectInvitationByTokenHash(db: DbExecutor, tokenHash: string): Promise<InvitationRow | null> {
  const [row] = await db.select().from(surveyInvitations).where(or(eq(surveyInvitations.tokenHash, tokenHash), eq(surveyInvitations.memberTokenHash, tokenHash)));
  return row ?? null;
}

export async function selectInvitationOfOrganization(db: DbExecutor, surveyId: string, organizationId: string): Promise<InvitationRow | null> {
  const [row] = await db.select().from(surveyInvitations).where(and(eq(surveyInvitations.surveyId, surveyId), eq(surveyInvitations.organizationId, organizationId)));
  return row ?? null;
}

export async function updateInvitationMemberToken(db: DbExecutor, id: string, memberTokenHash: string): Promise<void> {
  await db.update(surveyInvitations).set({ memberTokenHash }).where(eq(surveyInvitations.id, id));
}

export async function selectSurveyByPublicTokenHash(db: DbExecutor, tokenHash: string): Promise<SurveyRow | null> {
  const [row] = await db.select().from(surveys).where(eq(surveys.publicLinkTokenHash, tokenHash));
  return row ?? null;
}

// ---- Organizations (reference data for invitations and needs) ----

export async function selectOrganizationBasics(db: DbExecutor, id: string): Promise<{ name: string; municipalityCode: string | null; isDemo: boolean } | null> {
  const result = await db.execute<{ name: string; municipality_code: string | null; is_demo: boolean }>(sql`
    select coalesce(short_name, legal_name) as name, municipality_code, is_demo from organization_public_fields where id = ${id}`);
  const row = result.rows[0];
  return row ? { name: row.name, municipalityCode: row.municipality_code, isDemo: row.is_demo } : null;
}

// ---- Responses and answers ----

export async function selectResponseByInvitation(db: DbExecutor, invitationId: string): Promise<ResponseRow | null> {
  const [row] = await db.select().from(surveyResponses).where(eq(surveyResponses.invitationId, invitationId));
  return row ?? null;
}

export async function selectResponseByResumeHash(db: DbExecutor, tokenHash: string): Promise<ResponseRow | null> {
  const [row] = await db.select().from(surveyResponses).where(eq(surveyResponses.resumeTokenHash, tokenHash));
  return row ?? null;
}

/** Locks the response row for the rest of the transaction: two tabs saving at once are serialized. */
export async function lockResponse(db: DbExecutor, id: string): Promise<ResponseRow | null> {
  const [row] = await db.select().from(surveyResponses).where(eq(surveyResponses.id, id)).for('update');
  return row ?? null;
}

/**
 * One response per invitation: a concurrent first save by the same token hits the unique invitation_id and gets
 * the existing row instead of a second response.
 */
export async function insertResponse(db: DbExecutor, values: typeof surveyResponses.$inferInsert): Promise<ResponseRow> {
  const rows = await db.insert(surveyResponses).values(values).onConflictDoNothing().returning();
  if (rows[0]) return rows[0];
  const existing = await lockResponseOfInvitation(db, values.invitationId!);
  return existing!;
}

async function lockResponseOfInvitation(db: DbExecutor, invitationId: string): Promise<ResponseRow | null> {
  const [row] = await db.select().from(surveyResponses).where(eq(surveyResponses.invitationId, invitationId)).for('update');
  return row ?? null;
}

export async function updateResponse(db: DbExecutor, id: string, values: { status: 'in_progress' | 'submitted'; submittedAt: Date | null }): Promise<ResponseRow> {
  const [row] = await db
    .update(surveyResponses)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${surveyResponses.version} + 1` })
    .where(eq(surveyResponses.id, id))
    .returning();
  return row!;
}

export async function selectAnswerRows(db: DbExecutor, responseId: string): Promise<AnswerRow[]> {
  return db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, responseId));
}

export async function replaceAnswerRows(db: DbExecutor, responseId: string, rows: Omit<AnswerRow, 'responseId'>[]): Promise<void> {
  await db.delete(surveyAnswers).where(eq(surveyAnswers.responseId, responseId));
  if (rows.length > 0) await db.insert(surveyAnswers).values(rows.map((row) => ({ ...row, responseId })));
}

export async function selectQuestionsByIds(db: DbExecutor, ids: string[]): Promise<QuestionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(surveyQuestions).where(inArray(surveyQuestions.id, ids));
}

/** The demo district (the districts module seeds it first), if any. */
export async function selectDemoDistrictId(db: DbExecutor): Promise<string | null> {
  const result = await db.execute<{ id: string }>(sql`select id from district_names where is_demo order by created_at limit 1`);
  return result.rows[0]?.id ?? null;
}
