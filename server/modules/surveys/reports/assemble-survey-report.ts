import { type TCrossTab, type TQuestionReport, type TRateGroup, type TReportBar, type TSurveyReport } from '../../../../common/contracts/survey-reports';
import { surveysTexts, type SurveysTexts } from '../surveys.texts';
import { OTHER_CHOICE, SCALE_MAX, SCALE_MIN } from '../../../../common/domain/surveys';
import { isSmallCount, suppressGroup, suppressTable, type GroupSuppression } from './small-cell-rule';
import type { CrossRow, QuestionStatsRow, RateRow, ReportQuestionRow, ValueCountRow } from './survey-reports.repository';

/**
 * Builds the report from the aggregated rows (computed in SQL by the repository, or in TypeScript by
 * aggregate-answers.ts for the benchmark's baseline). In the shared variant the small-cell rule applies
 * (small-cell-rule.ts): counts of 1 or 2 hidden, with the zeros beside them and complementary cells.
 */
export interface Suppressor {
  isShared: boolean;
  /** `{count, hidden}`: a count of 1 or 2 becomes null in the shared variant. */
  count(n: number): { count: number | null; hidden: boolean };
  /** A group of counts (bars, breakdown groups, a matrix row): which to hide, complementary cells included. */
  group(counts: number[], hasTotal: boolean): GroupSuppression;
  /** A table with published margins (a cross-tab). */
  table(cells: number[][]): { hidden: boolean[][]; hiddenColumnTotals: boolean[] };
}

export function suppressorOf(isShared: boolean): Suppressor {
  return {
    isShared,
    count: (n) => (isShared && isSmallCount(n) ? { count: null, hidden: true } : { count: n, hidden: false }),
    group: (counts, hasTotal) => (isShared ? suppressGroup(counts, { hasTotal }) : { hidden: counts.map(() => false), isTotalHidden: false }),
    table: (cells) =>
      isShared
        ? suppressTable(cells, { hasRowTotals: true, hasColumnTotals: true })
        : { hidden: cells.map((row) => row.map(() => false)), hiddenColumnTotals: (cells[0] ?? []).map(() => false) },
  };
}

const shownOrHidden = (n: number, hidden: boolean) => (hidden ? { count: null, hidden: true } : { count: n, hidden: false });

// Beyond 1e15 a double has no decimals left to round (and value * 100 could overflow).
const round = (value: number | null, digits = 2) =>
  value === null || Math.abs(value) >= 1e15 ? value : Math.round(value * 10 ** digits) / 10 ** digits;

const CHOICE_LIKE = new Set(['single_choice', 'multiple_choice', 'yes_no', 'municipality', 'scale']);

/** The bars of a choice-like question, in the order the respondent saw the options; zero counts included. */
function barsOf(question: ReportQuestionRow, counts: Map<string, number>, respondents: number, names: Map<string, string>, suppress: Suppressor, words: SurveysTexts): TReportBar[] {
  let items: { code: string; label: string }[];
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      items = [...(question.config.options ?? [])];
      if (question.config.allowOther || counts.has(OTHER_CHOICE)) items.push({ code: OTHER_CHOICE, label: words.other });
      break;
    case 'yes_no':
      items = [{ code: 'yes', label: words.yes }, { code: 'no', label: words.no }];
      break;
    case 'scale':
      items = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, index) => ({ code: String(SCALE_MIN + index), label: String(SCALE_MIN + index) }));
      break;
    default: // municipality: the municipalities named, most frequent first
      items = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => ({ code, label: names.get(code) ?? code }));
  }
  const values = items.map((item) => counts.get(item.code) ?? 0);
  // A multiple choice's bars overlap (one respondent, several options): no exact total to subtract from.
  const { hidden } = suppress.group(values, question.type !== 'multiple_choice');
  return items.map((item, index) => {
    const n = values[index]!;
    const shown = shownOrHidden(n, hidden[index]!);
    return { code: item.code, label: item.label, ...shown, share: shown.hidden || respondents === 0 ? null : round(n / respondents, 4) };
  });
}

export function assembleQuestions(
  questions: ReportQuestionRow[],
  valueCounts: ValueCountRow[],
  stats: QuestionStatsRow[],
  municipalityNames: Map<string, string>,
  suppress: Suppressor,
  words: SurveysTexts = surveysTexts('it'),
): TQuestionReport[] {
  const countsOf = new Map<string, Map<string, number>>();
  for (const row of valueCounts) {
    const key = `${row.question_id}|${row.item_code}`;
    let map = countsOf.get(key);
    if (!map) countsOf.set(key, (map = new Map()));
    map.set(row.value, (map.get(row.value) ?? 0) + row.n);
  }
  const statsOf = new Map(stats.map((row) => [`${row.question_id}|${row.item_code ?? '*'}`, row]));
  return questions.map((question) => {
    const whole = statsOf.get(`${question.id}|*`);
    const respondents = whole?.respondents ?? 0;
    const shownRespondents = suppress.count(respondents);
    const isSmall = shownRespondents.hidden;
    const report: TQuestionReport = {
      id: question.id,
      code: question.code,
      label: question.label,
      type: question.type,
      sectionTitle: question.section_title,
      respondents: shownRespondents.count,
      bars: [],
      matrix: [],
      stats: null,
      textCount: null,
    };
    if (CHOICE_LIKE.has(question.type)) {
      // A multiple choice stores one row per chosen option (item_code = option); the others have item_code ''.
      const merged = new Map<string, number>();
      for (const [key, map] of countsOf) {
        if (!key.startsWith(`${question.id}|`)) continue;
        for (const [value, n] of map) merged.set(value, (merged.get(value) ?? 0) + n);
      }
      report.bars = barsOf(question, merged, respondents, municipalityNames, suppress, words);
    }
    if (question.type === 'matrix') {
      report.matrix = (question.config.rows ?? []).map((row) => {
        const rowStats = statsOf.get(`${question.id}|${row.code}`);
        const rowCounts = countsOf.get(`${question.id}|${row.code}`) ?? new Map<string, number>();
        const shown = suppress.count(rowStats?.respondents ?? 0);
        const levels = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, index) => rowCounts.get(String(SCALE_MIN + index)) ?? 0);
        const { hidden } = suppress.group(levels, true);
        return {
          code: row.code,
          label: row.label,
          respondents: shown.count,
          mean: shown.hidden ? null : round(rowStats?.mean ?? null),
          counts: levels.map((n, index) => (shown.hidden || hidden[index] ? null : n)),
          hidden: shown.hidden,
        };
      });
    }
    if (question.type === 'number' || question.type === 'scale') {
      report.stats = {
        mean: isSmall ? null : round(whole?.mean ?? null),
        median: isSmall ? null : round(whole?.median ?? null),
        // A minimum or a maximum is one respondent's own answer: never in the shared report.
        min: suppress.isShared ? null : (whole?.min ?? null),
        max: suppress.isShared ? null : (whole?.max ?? null),
        unit: question.config.unit ?? '',
      };
    }
    if (question.type === 'short_text' || question.type === 'long_text' || question.config.allowOther) {
      report.textCount = suppress.count(whole?.texts ?? 0).count;
    }
    return report;
  });
}

export function assembleRates(
  groups: RateRow[],
  submittedPublic: number,
  suppress: Suppressor,
): TSurveyReport['responseRate'] {
  const total = groups.find((row) => row.by_kind && row.by_size && row.by_municipality);
  // Each breakdown is a group whose total (invited, submitted) is published: both columns follow the small-cell rule,
  // so `invited: 1` never says that a kind, a size or a municipality is one organization.
  const breakdown = (rows: RateRow[], keyOf: (row: RateRow) => string, labelOf: (row: RateRow) => string | null): TRateGroup[] => {
    const submitted = suppress.group(rows.map((row) => row.submitted), true).hidden;
    const invited = suppress.group(rows.map((row) => row.invited), true).hidden;
    return rows.map((row, index) => {
      const isHidden = submitted[index]! || invited[index]!;
      return {
        key: keyOf(row),
        label: labelOf(row),
        invited: invited[index] ? null : row.invited,
        submitted: isHidden ? null : row.submitted,
        rate: isHidden || row.invited === 0 ? null : round(row.submitted / row.invited, 4),
        hidden: isHidden,
      };
    });
  };
  const sortByKey = (a: TRateGroup, b: TRateGroup) => a.key.localeCompare(b.key);
  const byKind = breakdown(groups.filter((row) => !row.by_kind), (row) => row.kind ?? 'unknown', () => null).sort(sortByKey);
  const bySize = breakdown(groups.filter((row) => !row.by_size), (row) => row.size_class ?? 'unknown', () => null).sort(sortByKey);
  const byMunicipality = breakdown(groups.filter((row) => !row.by_municipality), (row) => row.municipality_code ?? 'unknown', (row) => row.municipality_name)
    .sort((a, b) => (a.label ?? a.key).localeCompare(b.label ?? b.key, 'it'));
  const invited = total?.invited ?? 0;
  const submittedInvited = total?.submitted ?? 0;
  const submitted = suppress.group([submittedInvited, submittedPublic], true);
  const shownTotal = suppress.count(submittedInvited + submittedPublic);
  const shownInvited = suppress.count(invited);
  const inProgress = suppress.count(total?.in_progress ?? 0);
  return {
    invited: shownInvited.count,
    submittedInvited: submitted.hidden[0] ? null : submittedInvited,
    submittedPublic: submitted.hidden[1] ? null : submittedPublic,
    submitted: shownTotal.hidden || submitted.isTotalHidden ? null : submittedInvited + submittedPublic,
    inProgress: inProgress.count,
    rate: submitted.hidden[0] || shownInvited.hidden || invited === 0 ? null : round(submittedInvited / invited, 4),
    byKind,
    bySize,
    byMunicipality,
  };
}

/**
 * Rows and columns of a cross-tab, labelled. In the shared variant the small-cell rule runs over the whole table:
 * its column totals are published and its row totals are the question's own bars, so a hidden cell is never left
 * derivable from a margin.
 */
export function assembleCrossTab(
  base: Omit<TCrossTab, 'columns' | 'rows'>,
  rows: CrossRow[],
  rowItems: { key: string; label: string }[],
  columnLabel: (key: string) => string,
  suppress: Suppressor,
): TCrossTab {
  const columnTotals = rows.filter((row) => row.is_column_total).sort((a, b) => columnLabel(a.col_key).localeCompare(columnLabel(b.col_key), 'it'));
  const cellOf = new Map(rows.filter((row) => !row.is_column_total).map((row) => [`${row.row_key}|${row.col_key}`, row]));
  const knownKeys = new Set(rowItems.map((item) => item.key));
  const extra = [...new Set(rows.filter((row) => !row.is_column_total && row.row_key !== null && !knownKeys.has(row.row_key)).map((row) => row.row_key!))];
  const items = [...rowItems, ...extra.map((key) => ({ key, label: key }))];
  const counts = items.map((item) => columnTotals.map((column) => cellOf.get(`${item.key}|${column.col_key}`)?.n ?? 0));
  const table = suppress.table(counts);
  const columns = columnTotals.map((row, index) => {
    const shown = suppress.count(row.n);
    const isHidden = shown.hidden || table.hiddenColumnTotals[index]!;
    return { key: row.col_key, label: columnLabel(row.col_key), respondents: isHidden ? null : row.n, hidden: isHidden };
  });
  return {
    ...base,
    columns,
    rows: items.map((item, rowIndex) => ({
      key: item.key,
      label: item.label,
      cells: columns.map((column, columnIndex) => {
        const cell = cellOf.get(`${item.key}|${column.key}`);
        const shown = shownOrHidden(cell?.n ?? 0, table.hidden[rowIndex]![columnIndex]! || column.hidden);
        return { column: column.key, count: shown.count, mean: shown.hidden ? null : round(cell?.mean ?? null), hidden: shown.hidden };
      }),
    })),
  };
}
