import type { TReportFilters } from '../../../../common/contracts/survey-reports';
import { OTHER_CHOICE } from '../../../../common/domain/surveys';
import { csvField } from '../../../platform/export/csv';
import type { UseCaseContext } from '../../../platform/use-case';
import { surveysTexts, type SurveysTexts } from '../surveys.texts';
import { loadReportSurvey } from './report-access';
import { selectExportAnswers, selectMunicipalityNames, selectReportQuestions, type ExportAnswerRow, type ReportQuestionRow } from './survey-reports.repository';
import { recordAccess } from '../../../platform/audit/audit';

type Cell = string | number | null;

interface Column {
  name: string;
  value(answers: Map<string, ExportAnswerRow>, names: Map<string, string>): Cell;
}

/** The columns one question contributes: codes and labels (`q3`, `q3_label`), one per option or matrix row. */
function columnsOf(question: ReportQuestionRow, words: SurveysTexts): Column[] {
  const key = (item: string) => `${question.id}|${item}`;
  const code = question.code;
  const options = question.config.options ?? [];
  const labelOf = (choice: string | null) => (choice === OTHER_CHOICE ? words.other : (options.find((option) => option.code === choice)?.label ?? choice));
  const answered = (answers: Map<string, ExportAnswerRow>) => [...answers.keys()].some((k) => k.startsWith(`${question.id}|`));
  switch (question.type) {
    case 'single_choice':
      return [
        { name: code, value: (a) => a.get(key(''))?.choice_code ?? null },
        { name: `${code}_label`, value: (a) => (a.get(key('')) ? labelOf(a.get(key(''))!.choice_code) : null) },
        ...(question.config.allowOther ? [{ name: `${code}_other`, value: (a: Map<string, ExportAnswerRow>) => a.get(key(''))?.text_value ?? null }] : []),
      ];
    case 'multiple_choice':
      return [
        ...options.map((option) => ({ name: `${code}_${option.code}`, value: (a: Map<string, ExportAnswerRow>) => (answered(a) ? (a.has(key(option.code)) ? 1 : 0) : null) })),
        ...(question.config.allowOther
          ? [
              { name: `${code}_other`, value: (a: Map<string, ExportAnswerRow>) => (answered(a) ? (a.has(key(OTHER_CHOICE)) ? 1 : 0) : null) },
              { name: `${code}_other_text`, value: (a: Map<string, ExportAnswerRow>) => a.get(key(OTHER_CHOICE))?.text_value ?? null },
            ]
          : []),
      ];
    case 'yes_no':
      return [
        { name: code, value: (a) => a.get(key(''))?.choice_code ?? null },
        { name: `${code}_label`, value: (a) => ({ yes: words.yes, no: words.no })[a.get(key(''))?.choice_code ?? ''] ?? null },
      ];
    case 'municipality':
      return [
        { name: code, value: (a) => a.get(key(''))?.choice_code ?? null },
        { name: `${code}_label`, value: (a, names) => names.get(a.get(key(''))?.choice_code ?? '') ?? null },
      ];
    case 'matrix':
      return (question.config.rows ?? []).map((row) => ({ name: `${code}_${row.code}`, value: (a: Map<string, ExportAnswerRow>) => a.get(key(row.code))?.number_value ?? null }));
    case 'scale':
    case 'number':
      return [{ name: code, value: (a) => a.get(key(''))?.number_value ?? null }];
    default:
      return [{ name: code, value: (a) => a.get(key(''))?.text_value ?? null }];
  }
}

/**
 * Every submitted response as CSV: one row per response, one column per answer item, codes and labels (coordinators
 * and admins only: it names the organization). UTF-8 with a BOM so spreadsheets read the accents.
 */
export async function exportSurveyResponses(context: UseCaseContext, surveyId: string, filters: TReportFilters): Promise<string> {
  await loadReportSurvey(context, surveyId, 'full');
  await recordAccess(context, { action: 'surveys.export-responses', entityType: 'survey', entityId: surveyId, details: { filters } });
  const questions = await selectReportQuestions(context.db.orm, surveyId);
  const rows = await selectExportAnswers(context.db.orm, surveyId, filters);
  const municipalityQuestions = new Set(questions.filter((question) => question.type === 'municipality').map((question) => question.id));
  const codes = [...new Set(rows.flatMap((row) => [row.municipality_code ?? '', municipalityQuestions.has(row.question_id ?? '') ? (row.choice_code ?? '') : '']))];
  const names = await selectMunicipalityNames(context.db.orm, codes.filter((code) => /^\d{6}$/.test(code)));
  const columns = questions.flatMap((question) => columnsOf(question, surveysTexts(context.language)));
  const header = ['response_id', 'submitted_at', 'organization', 'kind', 'size_class', 'municipality_code', 'municipality', ...columns.map((column) => column.name)];
  const lines = [header.map((cell) => csvField(cell)).join(',')];
  let index = 0;
  while (index < rows.length) {
    const first = rows[index]!;
    const answers = new Map<string, ExportAnswerRow>();
    while (index < rows.length && rows[index]!.response_id === first.response_id) {
      const row = rows[index]!;
      if (row.question_id) answers.set(`${row.question_id}|${row.item_code}`, row);
      index += 1;
    }
    const unknown = (value: string | null) => (value === 'unknown' ? null : value);
    const cells: Cell[] = [
      first.response_id,
      first.submitted_at ? new Date(first.submitted_at).toISOString() : null,
      first.organization_name,
      unknown(first.kind),
      unknown(first.size_class),
      unknown(first.municipality_code),
      names.get(first.municipality_code ?? '') ?? null,
      ...columns.map((column) => column.value(answers, names)),
    ];
    lines.push(cells.map((cell) => csvField(cell)).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
