import { sql, type SQL } from 'drizzle-orm';
import type { TReportFilters } from '../../../../common/contracts/survey-reports';
import type { QuestionType } from '../../../../common/domain/surveys';
import type { DbExecutor } from '../../../platform/db/database';

// The survey report's SQL (issue 6, ADR 0016): each part of the report is one GROUP BY over survey_answers joined to
// the submitted responses that pass the filters — a fixed number of queries whatever the number of questions.

export interface ReportSurveyRow {
  id: string;
  title: string;
  status: string;
  district_id: string | null;
  district_name: string | null;
  closes_on: string | null;
  [key: string]: unknown;
}

export interface ReportQuestionRow {
  id: string;
  code: string;
  type: QuestionType;
  label: string;
  config: { options?: { code: string; label: string }[]; rows?: { code: string; label: string }[]; allowOther?: boolean; unit?: string };
  section_title: string;
  [key: string]: unknown;
}

/** One aggregated value: how many answers had `value` for (question, item). */
export interface ValueCountRow {
  question_id: string;
  item_code: string;
  value: string;
  n: number;
  [key: string]: unknown;
}

/** Per question (item_code null) and per item: respondents, numeric statistics, texts. */
export interface QuestionStatsRow {
  question_id: string;
  item_code: string | null;
  respondents: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  texts: number;
  [key: string]: unknown;
}

export interface RateRow {
  kind: string | null;
  size_class: string | null;
  municipality_code: string | null;
  municipality_name: string | null;
  invited: number;
  submitted: number;
  in_progress: number;
  by_kind: number;
  by_size: number;
  by_municipality: number;
  [key: string]: unknown;
}

export interface CrossRow {
  row_key: string | null;
  col_key: string;
  n: number;
  mean: number | null;
  is_column_total: number;
  [key: string]: unknown;
}

export interface TextRow {
  question_code: string;
  question_label: string;
  item_code: string;
  text: string;
  organization_name: string | null;
  submitted_at: string | null;
  total: number;
  [key: string]: unknown;
}

export interface ExportAnswerRow {
  response_id: string;
  submitted_at: string | null;
  organization_name: string | null;
  kind: string | null;
  size_class: string | null;
  municipality_code: string | null;
  question_id: string | null;
  item_code: string | null;
  choice_code: string | null;
  number_value: number | null;
  text_value: string | null;
  [key: string]: unknown;
}

/** The organization attributes a filter or breakdown uses: a public-link response has none ('unknown'). */
function organizationConditions(filters: TReportFilters, alias: SQL): SQL[] {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(sql`${alias}.kind = ${filters.kind}`);
  if (filters.sizeClass) conditions.push(sql`coalesce(${alias}.size_class, 'unknown') = ${filters.sizeClass}`);
  if (filters.municipalityCode) conditions.push(sql`${alias}.municipality_code = ${filters.municipalityCode}`);
  return conditions;
}

/** The submitted responses passing the filters, with the attributes of their organization. */
function respondents(surveyId: string, filters: TReportFilters): SQL {
  // A response the coordinator excluded is left out of every figure (set-response-exclusion.ts).
  const conditions = [sql`r.survey_id = ${surveyId}::uuid`, sql`r.status = 'submitted'`, sql`r.excluded_at is null`, ...organizationConditions(filters, sql`o`)];
  return sql`
    select r.id, r.submitted_at, coalesce(o.kind, 'unknown') as kind, coalesce(o.size_class, 'unknown') as size_class,
           coalesce(o.municipality_code, 'unknown') as municipality_code, coalesce(o.short_name, o.legal_name) as organization_name
    from survey_responses r left join organization_public_fields o on o.id = r.organization_id
    where ${sql.join(conditions, sql` and `)}`;
}

/**
 * Settings for one report transaction: enough memory for the answer aggregates to stay in hash tables instead of
 * spilling sorts to disk (1 M answer rows), and no JIT compilation (it costs more than it saves at this size).
 */
export async function tuneReportTransaction(tx: DbExecutor): Promise<void> {
  await tx.execute(sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
}

export async function selectReportSurvey(db: DbExecutor, surveyId: string): Promise<ReportSurveyRow | null> {
  const result = await db.execute<ReportSurveyRow>(sql`
    select s.id, s.title, s.status, s.district_id, d.name as district_name, s.closes_on
    from surveys s left join district_names d on d.id = s.district_id where s.id = ${surveyId}::uuid`);
  return result.rows[0] ?? null;
}

export async function selectReportQuestions(db: DbExecutor, surveyId: string): Promise<ReportQuestionRow[]> {
  const result = await db.execute<ReportQuestionRow>(sql`
    select q.id, q.code, q.type, q.label, q.config, s.title as section_title
    from survey_questions q join survey_sections s on s.id = q.section_id
    where q.survey_id = ${surveyId}::uuid and q.removed_at is null
    order by s.position, q.position`);
  return result.rows;
}

/** One cell of the answer distribution: how many answers had this (question, item, choice, number), with texts. */
export interface DistributionRow {
  question_id: string;
  item_code: string;
  choice_code: string | null;
  number_value: number | null;
  n: number;
  texts: number;
  [key: string]: unknown;
}

/**
 * The whole report's raw material in one hash aggregate over the answers: every distinct (question, item, choice,
 * number) with its count and its number of texts. Counts, shares, means, medians, minima and maxima all follow
 * from it (derive-aggregates.ts); texts are counted, not grouped.
 */
export async function selectAnswerDistribution(db: DbExecutor, surveyId: string, filters: TReportFilters): Promise<DistributionRow[]> {
  const result = await db.execute<DistributionRow>(sql`
    with resp as (${respondents(surveyId, filters)})
    select a.question_id, a.item_code, a.choice_code, a.number_value, count(*)::int as n, count(a.text_value)::int as texts
    from survey_answers a join resp on resp.id = a.response_id
    group by a.question_id, a.item_code, a.choice_code, a.number_value`);
  return result.rows;
}

/** How many submitted responses pass these filters (the small-cell rule's check of a filter). */
export async function selectRespondentCount(db: DbExecutor, surveyId: string, filters: TReportFilters): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`with resp as (${respondents(surveyId, filters)}) select count(*)::int as n from resp`);
  return result.rows[0]!.n;
}

/** Respondents of the questions stored as several rows per response (multiple choice, matrix). */
export async function selectMultiRowRespondents(db: DbExecutor, surveyId: string, filters: TReportFilters): Promise<{ question_id: string; respondents: number }[]> {
  const result = await db.execute<{ question_id: string; respondents: number }>(sql`
    with resp as (${respondents(surveyId, filters)}),
    multi as (select id from survey_questions where survey_id = ${surveyId}::uuid and type in ('multiple_choice', 'matrix'))
    -- distinct pairs, then a count: a hash, where count(distinct) would sort every question's rows
    select question_id, count(*)::int as respondents
    from (select distinct a.question_id, a.response_id
          from survey_answers a join resp on resp.id = a.response_id join multi on multi.id = a.question_id) pairs
    group by question_id`);
  return result.rows;
}

/** Invited vs submitted overall and by kind, size class and municipality of the invited organizations. */
export async function selectResponseRates(db: DbExecutor, surveyId: string, filters: TReportFilters): Promise<{ groups: RateRow[]; submittedPublic: number }> {
  const conditions = [sql`i.survey_id = ${surveyId}::uuid`, ...organizationConditions(filters, sql`o`)];
  const groups = await db.execute<RateRow>(sql`
    with inv as (
      select o.kind, coalesce(o.size_class, 'unknown') as size_class, coalesce(o.municipality_code, 'unknown') as municipality_code,
             m.name as municipality_name, r.status
      from survey_invitations i
      join organization_public_fields o on o.id = i.organization_id
      left join municipalities m on m.istat_code = o.municipality_code
      left join survey_responses r on r.invitation_id = i.id and r.excluded_at is null
      where ${sql.join(conditions, sql` and `)}
    )
    select kind, size_class, municipality_code, min(municipality_name) as municipality_name, count(*)::int as invited,
           count(*) filter (where status = 'submitted')::int as submitted,
           count(*) filter (where status = 'in_progress')::int as in_progress,
           grouping(kind)::int as by_kind, grouping(size_class)::int as by_size, grouping(municipality_code)::int as by_municipality
    from inv
    group by grouping sets ((kind), (size_class), (municipality_code), ())`);
  const hasFilter = Boolean(filters.kind || filters.sizeClass || filters.municipalityCode);
  // Public-link responses belong to no organization: any organization filter leaves them out.
  const publicCount = hasFilter
    ? 0
    : (
        await db.execute<{ n: number }>(sql`
          select count(*)::int as n from survey_responses
          where survey_id = ${surveyId}::uuid and invitation_id is null and status = 'submitted' and excluded_at is null`)
      ).rows[0]!.n;
  return { groups: groups.rows, submittedPublic: publicCount };
}

export type CrossAttribute = { kind: 'attribute'; column: 'kind' | 'size_class' | 'municipality_code' } | { kind: 'question'; questionId: string };

/**
 * Cross-tabulation of one question (rows: its values, or its items for a matrix / multiple choice) by an attribute
 * of the respondent or by the answer to another question (columns): respondents and mean value per cell, plus the
 * respondents per column.
 */
export async function selectCrossTab(
  db: DbExecutor,
  surveyId: string,
  filters: TReportFilters,
  question: { id: string; type: QuestionType },
  by: CrossAttribute,
): Promise<CrossRow[]> {
  const rowKey =
    question.type === 'matrix' ? sql`a.item_code` : question.type === 'number' ? sql`''` : sql`coalesce(a.choice_code, a.number_value::int::text)`;
  const columns =
    by.kind === 'attribute'
      ? sql`select resp.id as response_id, resp.${sql.raw(by.column)} as col_key from resp`
      : sql`select b.response_id, coalesce(b.choice_code, b.number_value::int::text) as col_key
            from survey_answers b join resp on resp.id = b.response_id where b.question_id = ${by.questionId}::uuid`;
  const result = await db.execute<CrossRow>(sql`
    with resp as (${respondents(surveyId, filters)}),
    x as (
      select a.response_id, ${rowKey} as row_key, a.number_value
      from survey_answers a join resp on resp.id = a.response_id where a.question_id = ${question.id}::uuid
    ),
    col as (${columns})
    -- numeric: avg over double precision overflows on answers stored before they were bounded (1e308).
    select x.row_key, col.col_key, count(distinct x.response_id)::int as n, avg(x.number_value::numeric)::float8 as mean,
           grouping(x.row_key)::int as is_column_total
    from x join col on col.response_id = x.response_id
    group by grouping sets ((x.row_key, col.col_key), (col.col_key))`);
  return result.rows;
}

export async function selectMunicipalityNames(db: DbExecutor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const result = await db.execute<{ istat_code: string; name: string }>(sql`
    select istat_code, name from municipalities where istat_code = any(${sql.param(codes)}::text[])`);
  return new Map(result.rows.map((row) => [row.istat_code, row.name]));
}

/** Free-text answers (text questions and "other, specify"), searchable without accents or case. */
export async function selectTexts(
  db: DbExecutor,
  surveyId: string,
  filters: TReportFilters,
  options: { questionCode?: string; search?: string; limit: number; withOrganization: boolean },
): Promise<TextRow[]> {
  const conditions: SQL[] = [sql`a.text_value is not null`, sql`a.text_value <> ''`];
  if (options.questionCode) conditions.push(sql`q.code = ${options.questionCode}`);
  if (options.search) {
    const pattern = `%${options.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(sql`unaccent(lower(a.text_value)) like unaccent(lower(${pattern}))`);
  }
  // The shared list is ordered by text, not by time, so the order does not hint at who answered.
  const order = options.withOrganization ? sql`s.position, q.position, resp.submitted_at, resp.id` : sql`s.position, q.position, a.text_value`;
  const result = await db.execute<TextRow>(sql`
    with resp as (${respondents(surveyId, filters)})
    select q.code as question_code, q.label as question_label,
           case when a.choice_code = 'other' then 'other' else a.item_code end as item_code, a.text_value as text,
           ${options.withOrganization ? sql`resp.organization_name` : sql`null::text`} as organization_name,
           ${options.withOrganization ? sql`resp.submitted_at` : sql`null::timestamptz`} as submitted_at,
           count(*) over ()::int as total
    from survey_answers a
    join resp on resp.id = a.response_id
    join survey_questions q on q.id = a.question_id
    join survey_sections s on s.id = q.section_id
    where ${sql.join(conditions, sql` and `)}
    order by ${order}
    limit ${options.limit}`);
  return result.rows;
}

/** Every answer of every submitted response passing the filters, response by response (the CSV export). */
export async function selectExportAnswers(db: DbExecutor, surveyId: string, filters: TReportFilters): Promise<ExportAnswerRow[]> {
  const result = await db.execute<ExportAnswerRow>(sql`
    with resp as (${respondents(surveyId, filters)})
    select resp.id as response_id, resp.submitted_at, resp.organization_name, resp.kind, resp.size_class, resp.municipality_code,
           a.question_id, a.item_code, a.choice_code, a.number_value, a.text_value
    from resp left join survey_answers a on a.response_id = resp.id
    order by resp.submitted_at, resp.id`);
  return result.rows;
}

/** The raw answers of the submitted responses (the benchmark's TypeScript baseline aggregates these itself). */
export async function selectRawAnswers(db: DbExecutor, surveyId: string): Promise<
  { response_id: string; question_id: string; item_code: string; choice_code: string | null; number_value: number | null; text_value: string | null; [key: string]: unknown }[]
> {
  const result = await db.execute<{ response_id: string; question_id: string; item_code: string; choice_code: string | null; number_value: number | null; text_value: string | null }>(sql`
    select a.response_id, a.question_id, a.item_code, a.choice_code, a.number_value, a.text_value
    from survey_answers a join survey_responses r on r.id = a.response_id
    where r.survey_id = ${surveyId}::uuid and r.status = 'submitted' and r.excluded_at is null`);
  return result.rows;
}

/** Whether one of these organizations is a current member of the district (who may read the shared report). */
export async function isAnyCurrentMember(db: DbExecutor, districtId: string, organizationIds: string[]): Promise<boolean> {
  if (organizationIds.length === 0) return false;
  const result = await db.execute(sql`
    select 1 from current_district_memberships
    where district_id = ${districtId}::uuid and organization_id = any(${sql.param(organizationIds)}::uuid[])
    limit 1`);
  return result.rows.length > 0;
}

export interface ResponseSummaryRow {
  id: string;
  organization_name: string | null;
  status: 'in_progress' | 'submitted';
  submitted_at: string | null;
  excluded_at: string | null;
  exclusion_reason: string | null;
  version: number;
  [key: string]: unknown;
}

const RESPONSE_SUMMARY = sql`
  select r.id, coalesce(o.short_name, o.legal_name) as organization_name, r.status, r.submitted_at, r.excluded_at,
         r.exclusion_reason, r.version
  from survey_responses r left join organization_public_fields o on o.id = r.organization_id`;

/** A survey's responses for the coordinator, newest first. */
export async function selectResponseSummaries(db: DbExecutor, surveyId: string): Promise<ResponseSummaryRow[]> {
  const result = await db.execute<ResponseSummaryRow>(sql`${RESPONSE_SUMMARY}
    where r.survey_id = ${surveyId}::uuid order by r.submitted_at desc nulls last, r.started_at desc, r.id`);
  return result.rows;
}

export async function selectResponseSummary(db: DbExecutor, surveyId: string, responseId: string): Promise<ResponseSummaryRow | null> {
  const result = await db.execute<ResponseSummaryRow>(sql`${RESPONSE_SUMMARY} where r.survey_id = ${surveyId}::uuid and r.id = ${responseId}::uuid`);
  return result.rows[0] ?? null;
}

/** Sets or clears the exclusion if the version still matches; false when it does not. */
export async function updateResponseExclusion(
  db: DbExecutor,
  responseId: string,
  version: number,
  exclusion: { reason: string; userId: string | null } | null,
): Promise<boolean> {
  const result = await db.execute(sql`
    update survey_responses
    set excluded_at = ${exclusion ? sql`now()` : sql`null`}, excluded_by = ${exclusion?.userId ?? null}::uuid,
        exclusion_reason = ${exclusion?.reason ?? null}, version = version + 1, updated_at = now()
    where id = ${responseId}::uuid and version = ${version}
    returning id`);
  return result.rows.length > 0;
}
