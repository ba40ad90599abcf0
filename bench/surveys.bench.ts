/**
 * Surveys: the full report of a survey with 40 questions of every type and 20,000 submitted responses (≈1.2 M answer
 * rows), on PGlite and PostgreSQL. Measured: the report computed in SQL (the `getSurveyReport` use case: response
 * rates, distributions, matrix means, number statistics, text counts — a fixed handful of GROUP BY queries), with
 * and without a cross-tabulation; as the baseline in the same run, the same per-question aggregation in plain
 * TypeScript over every raw answer row fetched from the database, and over rows already in memory. The SQL and
 * TypeScript results are compared. Goal: full report under 1 s on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { systemActor } from '../server/platform/access/actor';
import type { UseCaseContext } from '../server/platform/use-case';
import { loadTerritoryFixture } from '../server/modules/territory';
import { computeReportQuestionsInTypeScript, getSurveyReport } from '../server/modules/surveys/reports';
import type { Benchmark } from './lib/benchmark';
import { onEachDatabase, type BenchDatabase } from './lib/databases';
import { formatMs, median, percentile, sampleDurations, seededRandom, timed } from './lib/stats';

const SEED = 20261122;
const RESPONSES = Number(process.env.SURVEYS_BENCH_RESPONSES ?? 20_000);
/** Invited organizations that never answered (the response rate is then 20,000 / 22,000). */
const NON_RESPONDENTS = 2_000;
/** PGlite (WebAssembly) is several times slower on a million rows: fewer runs keep the benchmark in minutes. */
const RUNS = { PGlite: 3, PostgreSQL: 7 } as Record<string, number>;
const BASELINE_RUNS = { PGlite: 2, PostgreSQL: 3 } as Record<string, number>;
const CHUNK = 25_000;

type QuestionType = 'single_choice' | 'multiple_choice' | 'scale' | 'matrix' | 'number' | 'short_text' | 'long_text' | 'yes_no' | 'municipality';
/** 40 questions: how many of each type (the company-welfare survey's mix, scaled up). */
const PLAN: [QuestionType, number][] = [
  ['single_choice', 8],
  ['multiple_choice', 5],
  ['scale', 8],
  ['matrix', 3],
  ['number', 5],
  ['short_text', 3],
  ['long_text', 2],
  ['yes_no', 3],
  ['municipality', 3],
];
const OPTIONS = 5;
const MULTI_OPTIONS = 6;
const MATRIX_ROWS = 6;
const KINDS: [string, number][] = [['firm', 0.6], ['social_cooperative_a', 0.1], ['social_cooperative_b', 0.05], ['aps', 0.1], ['odv', 0.05], ['foundation', 0.03], ['municipality', 0.07]];
const SIZES: [string | null, number][] = [['micro', 0.45], ['small', 0.3], ['medium', 0.12], ['large', 0.05], [null, 0.08]];
const WORDS = ['nido', 'anziani', 'orari', 'trasporto', 'città', 'conciliazione', 'badante', 'formazione', 'salute', 'casa'];

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function pick<T>(random: () => number, weighted: [T, number][]): T {
  let roll = random();
  for (const [value, weight] of weighted) {
    if ((roll -= weight) < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

interface Question {
  id: string;
  code: string;
  type: QuestionType;
  config: object;
}

/** The survey's questions, organizations, invitations, responses and answers: every value drawn from one seed. */
export function generate(municipalityCodes: string[]) {
  const random = seededRandom(SEED);
  const questions: Question[] = [];
  for (const [type, count] of PLAN) {
    for (let index = 0; index < count; index++) {
      const code = `q${questions.length + 1}`;
      const config =
        type === 'single_choice' ? { options: Array.from({ length: OPTIONS }, (_, o) => ({ code: `o${o + 1}`, label: `Opzione ${o + 1}` })), allowOther: index === 0 }
        : type === 'multiple_choice' ? { options: Array.from({ length: MULTI_OPTIONS }, (_, o) => ({ code: `m${o + 1}`, label: `Scelta ${o + 1}` })) }
        : type === 'matrix' ? { rows: Array.from({ length: MATRIX_ROWS }, (_, r) => ({ code: `r${r + 1}`, label: `Bisogno ${r + 1}` })) }
        : type === 'number' ? { unit: 'dipendenti', min: 0, max: 1000 }
        : {};
      questions.push({ id: uuidFrom(random), code, type, config });
    }
  }
  const organizations = Array.from({ length: RESPONSES + NON_RESPONDENTS }, (_, index) => ({
    id: uuidFrom(random),
    name: `Organizzazione ${index + 1}`,
    kind: pick(random, KINDS),
    size: pick(random, SIZES),
    municipality: municipalityCodes[Math.floor(random() ** 2 * municipalityCodes.length)]!,
    invitationId: uuidFrom(random),
  }));
  const responses = organizations.slice(0, RESPONSES).map((organization) => ({ id: uuidFrom(random), organization }));
  const answers = { response: [] as string[], question: [] as string[], item: [] as string[], choice: [] as (string | null)[], number: [] as (number | null)[], text: [] as (string | null)[] };
  const add = (response: string, question: string, item: string, choice: string | null, number: number | null, text: string | null) => {
    answers.response.push(response);
    answers.question.push(question);
    answers.item.push(item);
    answers.choice.push(choice);
    answers.number.push(number);
    answers.text.push(text);
  };
  // Skewed answers (random()² favours the first options and low values), about 5% of questions skipped.
  const level = () => 1 + Math.floor((1 - random() ** 1.6) * 5);
  for (const response of responses) {
    for (const question of questions) {
      if (random() < 0.05) continue;
      switch (question.type) {
        case 'single_choice': {
          const other = (question.config as { allowOther?: boolean }).allowOther && random() < 0.05;
          if (other) add(response.id, question.id, '', 'other', null, `Altro: ${WORDS[Math.floor(random() * WORDS.length)]}`);
          else add(response.id, question.id, '', `o${1 + Math.floor(random() ** 2 * OPTIONS)}`, null, null);
          break;
        }
        case 'multiple_choice':
          for (let o = 1; o <= MULTI_OPTIONS; o++) if (random() < 0.5 - o * 0.05) add(response.id, question.id, `m${o}`, `m${o}`, null, null);
          break;
        case 'scale':
          add(response.id, question.id, '', null, level(), null);
          break;
        case 'matrix':
          for (let r = 1; r <= MATRIX_ROWS; r++) if (random() < 0.95) add(response.id, question.id, `r${r}`, null, level(), null);
          break;
        case 'number':
          add(response.id, question.id, '', null, Math.floor(random() ** 3 * 1000), null);
          break;
        case 'short_text':
        case 'long_text':
          if (random() < 0.5) add(response.id, question.id, '', null, null, `Servirebbe ${WORDS[Math.floor(random() * WORDS.length)]} per ${WORDS[Math.floor(random() * WORDS.length)]}`);
          break;
        case 'yes_no':
          add(response.id, question.id, '', random() < 0.62 ? 'yes' : 'no', null, null);
          break;
        case 'municipality':
          add(response.id, question.id, '', response.organization.municipality, null, null);
          break;
      }
    }
  }
  return { questions, organizations, responses, answers };
}

export async function load(database: BenchDatabase, data: ReturnType<typeof generate>): Promise<string> {
  const db = database.db.orm;
  const surveyId = uuidFrom(seededRandom(SEED + 1));
  const sectionId = uuidFrom(seededRandom(SEED + 2));
  await db.execute(sql`insert into surveys (id, region_code, title, status) values (${surveyId}::uuid, '01', 'Benchmark: bisogni delle organizzazioni', 'open')`);
  await db.execute(sql`insert into survey_sections (id, survey_id, position, title) values (${sectionId}::uuid, ${surveyId}::uuid, 1, 'Tutte le domande')`);
  await db.execute(sql`
    insert into survey_questions (id, survey_id, section_id, position, code, type, label, config)
    select id, ${surveyId}::uuid, ${sectionId}::uuid, position, code, type, 'Domanda ' || code, config
    from unnest(${sql.param(data.questions.map((q) => q.id))}::uuid[], ${sql.param(data.questions.map((q) => q.code))}::text[],
                ${sql.param(data.questions.map((q) => q.type))}::text[], ${sql.param(data.questions.map((q) => JSON.stringify(q.config)))}::jsonb[])
         with ordinality as t (id, code, type, config, position)`);
  const orgs = data.organizations;
  for (let start = 0; start < orgs.length; start += CHUNK) {
    const part = orgs.slice(start, start + CHUNK);
    await db.execute(sql`
      insert into organizations (id, legal_name, name_folded, kind, sector, size_class, municipality_code)
      select id, name, lower(name), kind, case when kind in ('firm') then 'private' when kind = 'municipality' then 'public' else 'third_sector' end, size, municipality
      from unnest(${sql.param(part.map((o) => o.id))}::uuid[], ${sql.param(part.map((o) => o.name))}::text[], ${sql.param(part.map((o) => o.kind))}::text[],
                  ${sql.param(part.map((o) => o.size))}::text[], ${sql.param(part.map((o) => o.municipality))}::text[]) as t (id, name, kind, size, municipality)`);
    await db.execute(sql`
      insert into survey_invitations (id, survey_id, organization_id, token_hash)
      select id, ${surveyId}::uuid, organization_id, md5(id::text)
      from unnest(${sql.param(part.map((o) => o.invitationId))}::uuid[], ${sql.param(part.map((o) => o.id))}::uuid[]) as t (id, organization_id)`);
  }
  for (let start = 0; start < data.responses.length; start += CHUNK) {
    const part = data.responses.slice(start, start + CHUNK);
    await db.execute(sql`
      insert into survey_responses (id, survey_id, invitation_id, organization_id, status, submitted_at)
      select id, ${surveyId}::uuid, invitation_id, organization_id, 'submitted', now()
      from unnest(${sql.param(part.map((r) => r.id))}::uuid[], ${sql.param(part.map((r) => r.organization.invitationId))}::uuid[],
                  ${sql.param(part.map((r) => r.organization.id))}::uuid[]) as t (id, invitation_id, organization_id)`);
  }
  const a = data.answers;
  for (let start = 0; start < a.response.length; start += CHUNK) {
    const end = start + CHUNK;
    await db.execute(sql`
      insert into survey_answers (response_id, question_id, item_code, choice_code, number_value, text_value)
      select * from unnest(${sql.param(a.response.slice(start, end))}::uuid[], ${sql.param(a.question.slice(start, end))}::uuid[],
                           ${sql.param(a.item.slice(start, end))}::text[], ${sql.param(a.choice.slice(start, end))}::text[],
                           ${sql.param(a.number.slice(start, end))}::float8[], ${sql.param(a.text.slice(start, end))}::text[])`);
  }
  // PGlite never runs autovacuum: give the planner statistics after the bulk load.
  await db.execute(sql`analyze`);
  return surveyId;
}

/** Largest difference between two report question lists, and how many questions differ at all. */
function compare(sqlQuestions: unknown[], tsQuestions: unknown[]): { differing: number; maxDifference: number } {
  let maxDifference = 0;
  let differing = 0;
  const walk = (x: unknown, y: unknown): boolean => {
    if (typeof x === 'number' && typeof y === 'number') {
      maxDifference = Math.max(maxDifference, Math.abs(x - y));
      return Math.abs(x - y) <= 0.010001; // means are rounded to 2 decimals: summation order may move the last digit
    }
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((value, index) => walk(value, y[index]));
    if (x && y && typeof x === 'object' && typeof y === 'object') {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      return [...keys].every((key) => walk((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]));
    }
    return x === y;
  };
  sqlQuestions.forEach((question, index) => {
    if (!walk(question, tsQuestions[index])) differing += 1;
  });
  if (sqlQuestions.length !== tsQuestions.length) differing += Math.abs(sqlQuestions.length - tsQuestions.length);
  return { differing, maxDifference };
}

async function runOn(database: BenchDatabase, data: ReturnType<typeof generate> | null, log: (line: string) => void) {
  const context: UseCaseContext = { actor: systemActor('bench'), db: database.db, requestId: null };
  await loadTerritoryFixture(database.db, ['01']);
  const municipalities = await database.db.orm.execute<{ istat_code: string }>(sql`select istat_code from municipalities order by istat_code`);
  const generated = data ?? generate(municipalities.rows.map((row) => row.istat_code));
  const loaded = await timed(() => load(database, generated));
  const surveyId = loaded.result;
  log(`loaded ${generated.responses.length} responses, ${generated.answers.response.length} answer rows in ${formatMs(loaded.ms)} ms`);

  await getSurveyReport(context, surveyId, { variant: 'full' });
  const fullSamples = await sampleDurations(RUNS[database.label] ?? 3, () => getSurveyReport(context, surveyId, { variant: 'full' }));
  const crossSamples = await sampleDurations(RUNS[database.label] ?? 3, () => getSurveyReport(context, surveyId, { variant: 'shared', crossQuestion: 'q22', crossBy: 'kind' }));
  const report = await getSurveyReport(context, surveyId, { variant: 'full' });

  let tsQuestions = await computeReportQuestionsInTypeScript(context, surveyId, { variant: 'full' });
  const baselineSamples = await sampleDurations(BASELINE_RUNS[database.label] ?? 2, async () => {
    tsQuestions = await computeReportQuestionsInTypeScript(context, surveyId, { variant: 'full' });
  });
  const { differing, maxDifference } = compare(report.questions, tsQuestions);
  log(`response rate ${report.responseRate.rate}; ${report.questions.length} questions; SQL vs TypeScript: ${differing} question(s) differ, max diff ${maxDifference}`);
  return {
    database: database.label,
    responses: generated.responses.length,
    answerRows: generated.answers.response.length,
    loadMs: loaded.ms,
    full: { p50: median(fullSamples), p95: percentile(fullSamples, 95) },
    withCrossTab: { p50: median(crossSamples), p95: percentile(crossSamples, 95) },
    typescript: { p50: median(baselineSamples), p95: percentile(baselineSamples, 95) },
    differing,
    maxDifference,
    generated,
  };
}

export const benchmark: Benchmark = {
  name: 'surveys',
  description: 'full report of a 40-question survey with 20,000 responses: SQL vs TypeScript over raw rows, PGlite and PostgreSQL',
  async run(log) {
    let shared: ReturnType<typeof generate> | null = null;
    const results = await onEachDatabase(async (database) => {
      const result = await runOn(database, shared, log);
      shared = result.generated;
      return result;
    }, log);
    return {
      title: `Report of a 40-question survey, ${RESPONSES.toLocaleString('en')} submitted responses (ms; runs per database: SQL ${JSON.stringify(RUNS)}, baseline ${JSON.stringify(BASELINE_RUNS)})`,
      columns: ['database', 'answer rows', 'load', 'SQL full report p50', 'p95', 'SQL shared + cross-tab p50', 'p95', 'TS over raw rows p50', 'p95', 'questions differing'],
      rows: results.map((r) => [
        r.database,
        r.answerRows.toLocaleString('en'),
        formatMs(r.loadMs),
        formatMs(r.full.p50),
        formatMs(r.full.p95),
        formatMs(r.withCrossTab.p50),
        formatMs(r.withCrossTab.p95),
        formatMs(r.typescript.p50),
        formatMs(r.typescript.p95),
        `${r.differing} (max diff ${r.maxDifference.toFixed(3)})`,
      ]),
      notes: [
        'SQL full report = the getSurveyReport use case: response rates by kind, size and municipality, every question’s distribution, matrix means, number statistics (mean, median, min, max), text counts.',
        'SQL shared + cross-tab = the shared variant (small cells hidden) with question q22 (a matrix) cross-tabulated by organization kind.',
        'TS over raw rows = the baseline: every answer row of the submitted responses fetched from the database and aggregated in TypeScript (computeReportQuestionsInTypeScript), then the same assembly.',
        `Data: ${PLAN.map(([type, count]) => `${count} ${type}`).join(', ')}; ${RESPONSES + NON_RESPONDENTS} invited organizations, ${RESPONSES} answered; seed ${SEED}.`,
      ],
      data: { seed: SEED, runs: RUNS, results: results.map(({ generated: _generated, ...rest }) => rest) },
    };
  },
};
