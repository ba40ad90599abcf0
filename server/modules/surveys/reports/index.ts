// The survey reports' surface inside the surveys module (registered by surveys.routes.ts; used by the benchmark).
export { surveyReportsRoutes } from './survey-reports.routes';
export { getSurveyReport } from './get-survey-report';
export { listReportTexts } from './list-report-texts';
export { exportSurveyResponses } from './export-survey-responses';
export { computeReportQuestionsInTypeScript } from './compute-report-in-typescript';
