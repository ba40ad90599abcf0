import { recordAccess } from '../../../platform/audit/audit';
import { surveysTexts, type SurveysTexts } from '../surveys.texts';
import type { TCrossTab, TReportQuery, TSurveyReport } from '../../../../common/contracts/survey-reports';
import { fieldError } from '../../../platform/errors/app-error';
import type { UseCaseContext } from '../../../platform/use-case';
import { assembleCrossTab, assembleQuestions, assembleRates, suppressorOf, type Suppressor } from './assemble-survey-report';
import { checkSharedFilters } from './check-shared-filters';
import { deriveAggregates } from './derive-aggregates';
import { loadReportSurvey } from './report-access';
import {
  selectCrossTab,
  selectMunicipalityNames,
  selectAnswerDistribution,
  selectMultiRowRespondents,
  selectReportQuestions,
  selectResponseRates,
  tuneReportTransaction,
  type CrossAttribute,
  type ReportQuestionRow,
} from './survey-reports.repository';

const ATTRIBUTE_COLUMNS = { kind: 'kind', size: 'size_class', municipality: 'municipality_code' } as const;
const CROSS_ROW_TYPES = new Set(['single_choice', 'multiple_choice', 'yes_no', 'municipality', 'scale', 'matrix', 'number']);
const CROSS_COLUMN_TYPES = new Set(['single_choice', 'multiple_choice', 'yes_no', 'municipality', 'scale']);

/** The labelled values of a choice-like question (or the rows of a matrix), in the respondent's order. */
function itemsOf(question: ReportQuestionRow, names: Map<string, string>, words: SurveysTexts): { key: string; label: string }[] {
  const config = question.config;
  switch (question.type) {
    case 'matrix':
      return (config.rows ?? []).map((row) => ({ key: row.code, label: row.label }));
    case 'single_choice':
    case 'multiple_choice':
      return [...(config.options ?? []).map((option) => ({ key: option.code, label: option.label })), ...(config.allowOther ? [{ key: 'other', label: words.other }] : [])];
    case 'yes_no':
      return [{ key: 'yes', label: words.yes }, { key: 'no', label: words.no }];
    case 'scale':
      return ['1', '2', '3', '4', '5'].map((value) => ({ key: value, label: value }));
    case 'number':
      return [{ key: '', label: question.label }];
    default:
      return [...names.entries()].map(([key, label]) => ({ key, label }));
  }
}

async function crossTabOf(
  context: UseCaseContext,
  surveyId: string,
  query: TReportQuery,
  questions: ReportQuestionRow[],
  suppress: Suppressor,
): Promise<TCrossTab | null> {
  if (!query.crossQuestion || !query.crossBy) return null;
  const question = questions.find((candidate) => candidate.code === query.crossQuestion);
  if (!question || !CROSS_ROW_TYPES.has(question.type)) throw fieldError('crossQuestion', 'not a choice, scale, number or matrix question of this survey');
  let by: CrossAttribute;
  let byLabel: string;
  let byQuestion: ReportQuestionRow | null = null;
  if (query.crossBy.startsWith('q:')) {
    byQuestion = questions.find((candidate) => candidate.code === query.crossBy!.slice(2)) ?? null;
    if (!byQuestion || !CROSS_COLUMN_TYPES.has(byQuestion.type) || byQuestion.id === question.id) throw fieldError('crossBy', 'not another choice question of this survey');
    by = { kind: 'question', questionId: byQuestion.id };
    byLabel = byQuestion.label;
  } else {
    const attribute = query.crossBy as keyof typeof ATTRIBUTE_COLUMNS;
    by = { kind: 'attribute', column: ATTRIBUTE_COLUMNS[attribute] };
    byLabel = attribute;
  }
  const rows = await selectCrossTab(context.db.orm, surveyId, query, { id: question.id, type: question.type }, by);
  const codes = new Set<string>();
  if (question.type === 'municipality') rows.forEach((row) => row.row_key && codes.add(row.row_key));
  if (by.kind === 'attribute' ? by.column === 'municipality_code' : byQuestion?.type === 'municipality') rows.forEach((row) => codes.add(row.col_key));
  const names = await selectMunicipalityNames(context.db.orm, [...codes].filter((code) => /^\d{6}$/.test(code)));
  const columnItems = byQuestion ? new Map(itemsOf(byQuestion, names, surveysTexts(context.language)).map((item) => [item.key, item.label])) : names;
  return assembleCrossTab(
    {
      questionCode: question.code,
      questionLabel: question.label,
      by: query.crossBy,
      byLabel,
      measure: question.type === 'matrix' || question.type === 'number' ? 'mean' : 'count',
    },
    rows,
    question.type === 'municipality' ? [...names.entries()].filter(([key]) => rows.some((row) => row.row_key === key)).map(([key, label]) => ({ key, label })) : itemsOf(question, names, surveysTexts(context.language)),
    (key) => columnItems.get(key) ?? key,
    suppress,
  );
}

/**
 * A survey's report, computed in SQL (a fixed handful of GROUP BY queries): response rates overall and by kind, size
 * and municipality; per question the distribution, matrix means, number statistics and text counts; an optional
 * cross-tabulation. The shared variant follows the small-cell rule (small-cell-rule.ts, ADR 0016 and 0021).
 */
export async function getSurveyReport(context: UseCaseContext, surveyId: string, query: TReportQuery): Promise<TSurveyReport> {
  const { survey, canSeeFull } = await loadReportSurvey(context, surveyId, query.variant);
  const suppress = suppressorOf(query.variant === 'shared');
  const filters = { variant: query.variant, kind: query.kind, sizeClass: query.sizeClass, municipalityCode: query.municipalityCode };
  await checkSharedFilters(context.db.orm, surveyId, filters);
  // One transaction with the settings the aggregates need; the scans run one after the other (on two cores, running
  // them side by side only made them compete with PostgreSQL's own parallel workers).
  const { questions, distribution, multiRowRespondents, rates } = await context.db.transaction(async (db) => {
    await tuneReportTransaction(db);
    return {
      questions: await selectReportQuestions(db, surveyId),
      distribution: await selectAnswerDistribution(db, surveyId, filters),
      multiRowRespondents: await selectMultiRowRespondents(db, surveyId, filters),
      rates: await selectResponseRates(db, surveyId, filters),
    };
  });
  const { valueCounts, stats } = deriveAggregates(questions, distribution, multiRowRespondents);
  const municipalityQuestions = new Set(questions.filter((question) => question.type === 'municipality').map((question) => question.id));
  const names = await selectMunicipalityNames(context.db.orm, [...new Set(valueCounts.filter((row) => municipalityQuestions.has(row.question_id)).map((row) => row.value))]);
  // The full report (unsuppressed small counts) is sensitive; the shared one is what every member may read.
  if (query.variant === 'full') await recordAccess(context, { action: 'surveys.read-full-report', entityType: 'survey', entityId: surveyId, details: { filters, crossQuestion: query.crossQuestion, crossBy: query.crossBy } });
  return {
    survey: { id: survey.id, title: survey.title, status: survey.status, districtId: survey.district_id, districtName: survey.district_name, closesOn: survey.closes_on },
    variant: query.variant,
    canSeeFull,
    filters,
    responseRate: assembleRates(rates.groups, rates.submittedPublic, suppress),
    questions: assembleQuestions(questions, valueCounts, stats, names, suppress, surveysTexts(context.language)),
    crossTab: await crossTabOf(context, surveyId, query, questions, suppress),
    generatedAt: new Date().toISOString(),
  };
}
