import { SMALL_CELL_MIN, type TCrossTab, type TQuestionReport, type TRateGroup, type TReportBar, type TSurveyReport } from '../../../../common/contracts/survey-reports';
import { OTHER_CHOICE, SCALE_MAX, SCALE_MIN } from '../../../../common/domain/surveys';
import type { CrossRow, QuestionStatsRow, RateRow, ReportQuestionRow, ValueCountRow } from './survey-reports.repository';

/**
 * Builds the report from the aggregated rows (computed in SQL by the repository, or in TypeScript by
 * aggregate-answers.ts for the benchmark's baseline). In the shared variant every count of 1 or 2 is hidden.
 */
export interface Suppressor {
  isShared: boolean;
  /** `{count, hidden}`: a count of 1 or 2 becomes null in the shared variant. */
  count(n: number): { count: number | null; hidden: boolean };
}

export function suppressorOf(isShared: boolean): Suppressor {
  return {
    isShared,
    count: (n) => (isShared && n > 0 && n < SMALL_CELL_MIN ? { count: null, hidden: true } : { count: n, hidden: false }),
  };
}

// Beyond 1e15 a double has no decimals left to round (and value * 100 could overflow).
const round = (value: number | null, digits = 2) =>
  value === null || Math.abs(value) >= 1e15 ? value : Math.round(value * 10 ** digits) / 10 ** digits;

const CHOICE_LIKE = new Set(['single_choice', 'multiple_choice', 'yes_no', 'municipality', 'scale']);

/** The bars of a choice-like question, in the order the respondent saw the options; zero counts included. */
function barsOf(question: ReportQuestionRow, counts: Map<string, number>, respondents: number, names: Map<string, string>, suppress: Suppressor): TReportBar[] {
  let items: { code: string; label: string }[];
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      items = [...(question.config.options ?? [])];
      if (question.config.allowOther || counts.has(OTHER_CHOICE)) items.push({ code: OTHER_CHOICE, label: 'Altro' });
      break;
    case 'yes_no':
      items = [{ code: 'yes', label: 'Sì' }, { code: 'no', label: 'No' }];
      break;
    case 'scale':
      items = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, index) => ({ code: String(SCALE_MIN + index), label: String(SCALE_MIN + index) }));
      break;
    default: // municipality: the municipalities named, most frequent first
      items = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => ({ code, label: names.get(code) ?? code }));
  }
  return items.map((item) => {
    const n = counts.get(item.code) ?? 0;
    const shown = suppress.count(n);
    return { code: item.code, label: item.label, ...shown, share: shown.hidden || respondents === 0 ? null : round(n / respondents, 4) };
  });
}

export function assembleQuestions(
  questions: ReportQuestionRow[],
  valueCounts: ValueCountRow[],
  stats: QuestionStatsRow[],
  municipalityNames: Map<string, string>,
  suppress: Suppressor,
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
      report.bars = barsOf(question, merged, respondents, municipalityNames, suppress);
    }
    if (question.type === 'matrix') {
      report.matrix = (question.config.rows ?? []).map((row) => {
        const rowStats = statsOf.get(`${question.id}|${row.code}`);
        const rowCounts = countsOf.get(`${question.id}|${row.code}`) ?? new Map<string, number>();
        const shown = suppress.count(rowStats?.respondents ?? 0);
        return {
          code: row.code,
          label: row.label,
          respondents: shown.count,
          mean: shown.hidden ? null : round(rowStats?.mean ?? null),
          counts: Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, index) => suppress.count(rowCounts.get(String(SCALE_MIN + index)) ?? 0).count),
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
  const toGroup = (row: RateRow, key: string, label: string | null): TRateGroup => {
    const shown = suppress.count(row.submitted);
    return { key, label, invited: row.invited, submitted: shown.count, rate: shown.hidden || row.invited === 0 ? null : round(row.submitted / row.invited, 4), hidden: shown.hidden };
  };
  const total = groups.find((row) => row.by_kind && row.by_size && row.by_municipality);
  const byKind = groups.filter((row) => !row.by_kind).map((row) => toGroup(row, row.kind ?? 'unknown', null));
  const bySize = groups.filter((row) => !row.by_size).map((row) => toGroup(row, row.size_class ?? 'unknown', null));
  const byMunicipality = groups
    .filter((row) => !row.by_municipality)
    .map((row) => toGroup(row, row.municipality_code ?? 'unknown', row.municipality_name))
    .sort((a, b) => (a.label ?? a.key).localeCompare(b.label ?? b.key, 'it'));
  const sortByKey = (a: TRateGroup, b: TRateGroup) => a.key.localeCompare(b.key);
  const invited = total?.invited ?? 0;
  const submittedInvited = total?.submitted ?? 0;
  const shownInvited = suppress.count(submittedInvited);
  const shownPublic = suppress.count(submittedPublic);
  const shownTotal = suppress.count(submittedInvited + submittedPublic);
  return {
    invited,
    submittedInvited: shownInvited.count,
    submittedPublic: shownPublic.count,
    submitted: shownTotal.count,
    inProgress: total?.in_progress ?? 0,
    rate: shownInvited.hidden || invited === 0 ? null : round(submittedInvited / invited, 4),
    byKind: byKind.sort(sortByKey),
    bySize: bySize.sort(sortByKey),
    byMunicipality,
  };
}

/** Rows and columns of a cross-tab, labelled; cells of 1 or 2 respondents hidden in the shared variant. */
export function assembleCrossTab(
  base: Omit<TCrossTab, 'columns' | 'rows'>,
  rows: CrossRow[],
  rowItems: { key: string; label: string }[],
  columnLabel: (key: string) => string,
  suppress: Suppressor,
): TCrossTab {
  const columnTotals = rows.filter((row) => row.is_column_total).sort((a, b) => columnLabel(a.col_key).localeCompare(columnLabel(b.col_key), 'it'));
  const columns = columnTotals.map((row) => ({ key: row.col_key, label: columnLabel(row.col_key), respondents: suppress.count(row.n).count, hidden: suppress.count(row.n).hidden }));
  const cellOf = new Map(rows.filter((row) => !row.is_column_total).map((row) => [`${row.row_key}|${row.col_key}`, row]));
  const knownKeys = new Set(rowItems.map((item) => item.key));
  const extra = [...new Set(rows.filter((row) => !row.is_column_total && row.row_key !== null && !knownKeys.has(row.row_key)).map((row) => row.row_key!))];
  const items = [...rowItems, ...extra.map((key) => ({ key, label: key }))];
  return {
    ...base,
    columns,
    rows: items.map((item) => ({
      key: item.key,
      label: item.label,
      cells: columns.map((column) => {
        const cell = cellOf.get(`${item.key}|${column.key}`);
        const shown = suppress.count(cell?.n ?? 0);
        return { column: column.key, count: shown.count, mean: shown.hidden ? null : round(cell?.mean ?? null), hidden: shown.hidden };
      }),
    })),
  };
}
