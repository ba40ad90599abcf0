import { meanOf } from './derive-aggregates';
import type { QuestionStatsRow, ReportQuestionRow, ValueCountRow } from './survey-reports.repository';

export interface RawAnswer {
  response_id: string;
  question_id: string;
  item_code: string;
  choice_code: string | null;
  number_value: number | null;
  text_value: string | null;
}

const CHOICE_LIKE = new Set(['single_choice', 'multiple_choice', 'yes_no', 'municipality', 'scale', 'matrix']);

/** percentile_cont(0.5): the middle value, or the mean of the two middle values. */
function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  const low = sorted[Math.floor(middle)]!;
  const high = sorted[Math.ceil(middle)]!;
  return low === high ? low : low / 2 + high / 2;
}

interface Accumulator {
  responses: Set<string>;
  numbers: number[];
  texts: number;
}

/**
 * The report's aggregation done in plain TypeScript over raw answer rows: the same value counts and statistics as
 * the repository's GROUP BY queries. The benchmark's baseline, and a cross-check of the SQL.
 */
export function aggregateAnswers(questions: ReportQuestionRow[], answers: RawAnswer[]): { valueCounts: ValueCountRow[]; stats: QuestionStatsRow[] } {
  const typeOf = new Map(questions.map((question) => [question.id, question.type]));
  const counts = new Map<string, ValueCountRow>();
  const groups = new Map<string, Accumulator & { question_id: string; item_code: string | null }>();
  const accumulate = (question_id: string, item_code: string | null, answer: RawAnswer) => {
    const key = `${question_id}|${item_code ?? '*'}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { question_id, item_code, responses: new Set(), numbers: [], texts: 0 }));
    group.responses.add(answer.response_id);
    if (answer.number_value !== null) group.numbers.push(answer.number_value);
    if (answer.text_value !== null) group.texts += 1;
  };
  for (const answer of answers) {
    const type = typeOf.get(answer.question_id);
    if (!type) continue;
    if (CHOICE_LIKE.has(type)) {
      const value = answer.choice_code ?? (answer.number_value === null ? null : String(Math.round(answer.number_value)));
      if (value !== null) {
        const key = `${answer.question_id}|${answer.item_code}|${value}`;
        const row = counts.get(key);
        if (row) row.n += 1;
        else counts.set(key, { question_id: answer.question_id, item_code: answer.item_code, value, n: 1 });
      }
    }
    accumulate(answer.question_id, null, answer);
    accumulate(answer.question_id, answer.item_code, answer);
  }
  const stats: QuestionStatsRow[] = [...groups.values()].map((group) => ({
    question_id: group.question_id,
    item_code: group.item_code,
    respondents: group.responses.size,
    mean: meanOf(group.numbers.map((value): [number, number] => [value, 1])),
    median: medianOf(group.numbers),
    min: group.numbers.length ? Math.min(...group.numbers) : null,
    max: group.numbers.length ? Math.max(...group.numbers) : null,
    texts: group.texts,
  }));
  return { valueCounts: [...counts.values()], stats };
}
