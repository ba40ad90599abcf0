import type { DistributionRow, QuestionStatsRow, ReportQuestionRow, ValueCountRow } from './survey-reports.repository';

const CHOICE_LIKE = new Set(['single_choice', 'multiple_choice', 'yes_no', 'municipality', 'scale', 'matrix']);
const MULTI_ROW = new Set(['multiple_choice', 'matrix']);

interface Frequencies {
  question_id: string;
  item_code: string | null;
  answers: number;
  texts: number;
  numbers: Map<number, number>;
}

/** percentile_cont(0.5) over a frequency table: the middle value, or the mean of the two middle values. */
function medianOf(numbers: Map<number, number>): number | null {
  const total = [...numbers.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const sorted = [...numbers.entries()].sort((a, b) => a[0] - b[0]);
  const middle = (total - 1) / 2;
  const valueAt = (position: number) => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (position < seen) return value;
    }
    return sorted[sorted.length - 1]![0];
  };
  const low = valueAt(Math.floor(middle));
  const high = valueAt(Math.ceil(middle));
  // low / 2 + high / 2, not low + (high - low) / 2: the difference of two huge values of opposite sign overflows.
  return low === high ? low : low / 2 + high / 2;
}

/**
 * The mean of a frequency table that cannot overflow: values are scaled by the largest magnitude before summing, so
 * answers stored before numbers were bounded (two of 1e308) give 1e308, not Infinity (a report that failed for ever).
 */
export function meanOf(numbers: Iterable<[value: number, count: number]>): number | null {
  const entries = [...numbers];
  const scale = Math.max(0, ...entries.map(([value]) => Math.abs(value)));
  let count = 0;
  let scaledSum = 0;
  for (const [value, n] of entries) {
    count += n;
    scaledSum += scale === 0 ? 0 : (value / scale) * n;
  }
  return count === 0 ? null : (scaledSum / count) * scale;
}

/**
 * Value counts and statistics (respondents, mean, median, min, max, texts) per question and per item, derived from
 * the answer distribution the database computed in one GROUP BY. A response has at most one row per (question,
 * item), so an item's respondents are its answers; a question stored as several rows per response takes its
 * respondents from `multiRowRespondents`.
 */
export function deriveAggregates(
  questions: ReportQuestionRow[],
  distribution: DistributionRow[],
  multiRowRespondents: { question_id: string; respondents: number }[],
): { valueCounts: ValueCountRow[]; stats: QuestionStatsRow[] } {
  const typeOf = new Map(questions.map((question) => [question.id, question.type]));
  const counts = new Map<string, ValueCountRow>();
  const groups = new Map<string, Frequencies>();
  const group = (question_id: string, item_code: string | null) => {
    const key = `${question_id}|${item_code ?? '*'}`;
    let found = groups.get(key);
    if (!found) groups.set(key, (found = { question_id, item_code, answers: 0, texts: 0, numbers: new Map() }));
    return found;
  };
  for (const row of distribution) {
    const type = typeOf.get(row.question_id);
    if (!type) continue;
    if (CHOICE_LIKE.has(type)) {
      const value = row.choice_code ?? (row.number_value === null ? null : String(Math.round(row.number_value)));
      if (value !== null) {
        const key = `${row.question_id}|${row.item_code}|${value}`;
        const existing = counts.get(key);
        if (existing) existing.n += row.n;
        else counts.set(key, { question_id: row.question_id, item_code: row.item_code, value, n: row.n });
      }
    }
    for (const target of [group(row.question_id, null), group(row.question_id, row.item_code)]) {
      target.answers += row.n;
      target.texts += row.texts;
      if (row.number_value !== null) target.numbers.set(row.number_value, (target.numbers.get(row.number_value) ?? 0) + row.n);
    }
  }
  const multi = new Map(multiRowRespondents.map((row) => [row.question_id, row.respondents]));
  const stats: QuestionStatsRow[] = [...groups.values()].map((found) => {
    const values = [...found.numbers.keys()];
    const isWholeMultiRow = found.item_code === null && MULTI_ROW.has(typeOf.get(found.question_id) ?? '');
    return {
      question_id: found.question_id,
      item_code: found.item_code,
      respondents: isWholeMultiRow ? (multi.get(found.question_id) ?? 0) : found.answers,
      mean: meanOf(found.numbers),
      median: medianOf(found.numbers),
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
      texts: found.texts,
    };
  });
  return { valueCounts: [...counts.values()], stats };
}
