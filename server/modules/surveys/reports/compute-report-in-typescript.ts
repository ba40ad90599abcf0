import type { TQuestionReport, TReportFilters } from '../../../../common/contracts/survey-reports';
import { assertCan } from '../../../platform/access/policy';
import type { UseCaseContext } from '../../../platform/use-case';
import { aggregateAnswers } from './aggregate-answers';
import { assembleQuestions, suppressorOf } from './assemble-survey-report';
import { loadReportSurvey } from './report-access';
import { surveysTexts } from '../surveys.texts';
import { SurveyReportActions } from './survey-reports.policy';
import { selectMunicipalityNames, selectRawAnswers, selectReportQuestions } from './survey-reports.repository';

/**
 * The per-question part of the full report computed in TypeScript over every raw answer row fetched from the
 * database: the benchmark's baseline (bench/surveys.bench.ts), expected to equal the SQL report's `questions`.
 */
export async function computeReportQuestionsInTypeScript(context: UseCaseContext, surveyId: string, filters: Pick<TReportFilters, 'variant'>): Promise<TQuestionReport[]> {
  assertCan(context.actor, SurveyReportActions['surveys.report.signed-in']);
  await loadReportSurvey(context, surveyId, filters.variant);
  const questions = await selectReportQuestions(context.db.orm, surveyId);
  const raw = await selectRawAnswers(context.db.orm, surveyId);
  const { valueCounts, stats } = aggregateAnswers(questions, raw);
  const municipalityQuestions = new Set(questions.filter((question) => question.type === 'municipality').map((question) => question.id));
  const names = await selectMunicipalityNames(context.db.orm, [...new Set(valueCounts.filter((row) => municipalityQuestions.has(row.question_id)).map((row) => row.value))]);
  return assembleQuestions(questions, valueCounts, stats, names, suppressorOf(filters.variant === 'shared'), surveysTexts(context.language));
}
