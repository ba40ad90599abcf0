import { NUMBER_ANSWER_ABSOLUTE_MAX } from './limits';
/**
 * Needs surveys (issue 6): question types, their settings and the rules an answer must follow. The server applies
 * `checkAnswers` before anything is stored; the answer page applies the same function to show a message next to a
 * question before sending (the server still decides).
 */
export const QUESTION_TYPES = [
  'single_choice',
  'multiple_choice',
  'scale',
  'matrix',
  'number',
  'short_text',
  'long_text',
  'municipality',
  'yes_no',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** Relevance and scale answers go from 1 to 5 (the Pinerolese survey's "how relevant is each need"). */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 5000;
/** The code of the "other, specify" choice; its text is stored with it. */
export const OTHER_CHOICE = 'other';

export interface SurveyItem {
  code: string;
  label: string;
  /** A services taxonomy term code: choosing this option (or rating this row high enough) expresses a need. */
  needCategory?: string | null;
  needTargetGroup?: string | null;
}

/** Settings per question type (`survey_questions.config`); absent keys mean the default. */
export interface QuestionConfig {
  options?: SurveyItem[];
  allowOther?: boolean;
  rows?: SurveyItem[];
  min?: number | null;
  max?: number | null;
  unit?: string;
  integerOnly?: boolean;
  minLabel?: string;
  maxLabel?: string;
}

export interface QuestionCondition {
  questionId: string;
  /** 'yes' | 'no' for a yes/no question, an option code for a choice question. */
  equals: string;
}

export interface AnswerableQuestion {
  id: string;
  type: QuestionType;
  isRequired: boolean;
  config: QuestionConfig;
  condition: QuestionCondition | null;
}

/** What a respondent sends for each type (null or absent: not answered). */
export type AnswerValue =
  | { choice: string; other?: string } // single_choice
  | { choices: string[]; other?: string } // multiple_choice
  | Record<string, number> // matrix: row code → 1..5
  | number // scale, number
  | string; // short_text, long_text, municipality (ISTAT code), yes_no ('yes' | 'no')

export type Answers = Record<string, unknown>;

/** Stable reasons, translated by the answer page (`surveys:answerErrors.<reason>`). */
export const ANSWER_ERRORS = [
  'required',
  'wrong_type',
  'not_an_option',
  'other_text_required',
  'other_not_allowed',
  'out_of_range',
  'not_integer',
  'unknown_row',
  'too_long',
  'unknown_municipality',
  'unknown_question',
] as const;
export type AnswerError = (typeof ANSWER_ERRORS)[number];

export interface AnswerIssue {
  questionId: string;
  reason: AnswerError;
  /** e.g. the row of a matrix, the allowed range. */
  detail?: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isEmptyAnswer(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (isPlainObject(value)) {
    if ('choice' in value) return typeof value.choice !== 'string' || value.choice === '';
    if ('choices' in value) return !Array.isArray(value.choices) || value.choices.length === 0;
    return Object.keys(value).length === 0;
  }
  return false;
}

/** Whether a question is shown, given the answers so far: a condition holds when its earlier question has the value. */
export function isVisible(question: AnswerableQuestion, answers: Answers): boolean {
  if (!question.condition) return true;
  const value = answers[question.condition.questionId];
  if (typeof value === 'string') return value === question.condition.equals;
  if (isPlainObject(value) && typeof value.choice === 'string') return value.choice === question.condition.equals;
  if (isPlainObject(value) && Array.isArray(value.choices)) return value.choices.includes(question.condition.equals);
  return false;
}

const inRange = (value: number, min: number | null | undefined, max: number | null | undefined) =>
  (min === null || min === undefined || value >= min) && (max === null || max === undefined || value <= max);

function checkChoice(code: unknown, other: unknown, config: QuestionConfig): AnswerError | null {
  if (typeof code !== 'string') return 'wrong_type';
  if (code === OTHER_CHOICE && config.allowOther) {
    if (typeof other !== 'string' || other.trim() === '') return 'other_text_required';
    if (other.length > SHORT_TEXT_MAX) return 'too_long';
    return null;
  }
  if (!(config.options ?? []).some((option) => option.code === code)) return 'not_an_option';
  return null;
}

/** Checks one non-empty answer against its question (municipality existence is the server's job). */
export function checkAnswer(question: AnswerableQuestion, value: unknown): { reason: AnswerError; detail?: string } | null {
  const config = question.config;
  switch (question.type) {
    case 'single_choice': {
      if (!isPlainObject(value)) return { reason: 'wrong_type' };
      const reason = checkChoice(value.choice, value.other, config);
      if (reason) return { reason };
      if (value.choice !== OTHER_CHOICE && value.other !== undefined && value.other !== '') return { reason: 'other_not_allowed' };
      return null;
    }
    case 'multiple_choice': {
      if (!isPlainObject(value) || !Array.isArray(value.choices)) return { reason: 'wrong_type' };
      if (new Set(value.choices).size !== value.choices.length) return { reason: 'wrong_type' };
      for (const code of value.choices) {
        const reason = checkChoice(code, value.other, config);
        if (reason) return { reason, detail: typeof code === 'string' ? code : undefined };
      }
      if (!value.choices.includes(OTHER_CHOICE) && value.other !== undefined && value.other !== '') return { reason: 'other_not_allowed' };
      return null;
    }
    case 'scale':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { reason: 'wrong_type' };
      if (!Number.isInteger(value)) return { reason: 'not_integer' };
      return inRange(value, SCALE_MIN, SCALE_MAX) ? null : { reason: 'out_of_range', detail: `${SCALE_MIN}-${SCALE_MAX}` };
    case 'matrix': {
      if (!isPlainObject(value)) return { reason: 'wrong_type' };
      const rows = new Set((config.rows ?? []).map((row) => row.code));
      for (const [row, relevance] of Object.entries(value)) {
        if (!rows.has(row)) return { reason: 'unknown_row', detail: row };
        if (typeof relevance !== 'number' || !Number.isInteger(relevance)) return { reason: 'not_integer', detail: row };
        if (!inRange(relevance, SCALE_MIN, SCALE_MAX)) return { reason: 'out_of_range', detail: row };
      }
      return null;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { reason: 'wrong_type' };
      if (config.integerOnly && !Number.isInteger(value)) return { reason: 'not_integer' };
      // The question's range, within the type's: without a max, 1e308 was stored and its mean overflowed the report.
      const min = Math.max(config.min ?? -NUMBER_ANSWER_ABSOLUTE_MAX, -NUMBER_ANSWER_ABSOLUTE_MAX);
      const max = Math.min(config.max ?? NUMBER_ANSWER_ABSOLUTE_MAX, NUMBER_ANSWER_ABSOLUTE_MAX);
      return inRange(value, min, max) ? null : { reason: 'out_of_range', detail: `${min}-${max}` };
    }
    case 'short_text':
    case 'long_text':
      if (typeof value !== 'string') return { reason: 'wrong_type' };
      return value.length > (question.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX) ? { reason: 'too_long' } : null;
    case 'municipality':
      if (typeof value !== 'string') return { reason: 'wrong_type' };
      return /^\d{6}$/.test(value) ? null : { reason: 'unknown_municipality' };
    case 'yes_no':
      return value === 'yes' || value === 'no' ? null : { reason: 'wrong_type' };
  }
}

/** Whether a matrix answer is complete: a required matrix needs a relevance for every row. */
function isIncompleteMatrix(question: AnswerableQuestion, value: unknown): boolean {
  if (question.type !== 'matrix' || !isPlainObject(value)) return false;
  return (question.config.rows ?? []).some((row) => value[row.code] === undefined);
}

/**
 * Checks a whole set of answers in question order. Answers to questions hidden by their condition are dropped
 * (the respondent may have changed the earlier answer after filling the follow-up; see ADR 0015), and a hidden
 * question is never required. `requireComplete` is set on submission: a draft save only checks what was given.
 */
export function checkAnswers(
  questions: AnswerableQuestion[],
  answers: Answers,
  options: { requireComplete: boolean },
): { answers: Answers; issues: AnswerIssue[] } {
  const kept: Answers = {};
  const issues: AnswerIssue[] = [];
  const known = new Set(questions.map((question) => question.id));
  for (const questionId of Object.keys(answers)) {
    if (!known.has(questionId)) issues.push({ questionId, reason: 'unknown_question' });
  }
  for (const question of questions) {
    if (!isVisible(question, kept)) continue;
    const value = answers[question.id];
    if (isEmptyAnswer(value)) {
      if (options.requireComplete && question.isRequired) issues.push({ questionId: question.id, reason: 'required' });
      continue;
    }
    const problem = checkAnswer(question, value);
    if (problem) {
      issues.push({ questionId: question.id, ...problem });
      continue;
    }
    if (options.requireComplete && question.isRequired && isIncompleteMatrix(question, value)) {
      issues.push({ questionId: question.id, reason: 'required' });
      continue;
    }
    kept[question.id] = typeof value === 'string' ? value.trim() : value;
  }
  return { answers: kept, issues };
}

/** A survey accepts answers while open and between its dates (both inclusive, Italian calendar day). */
export function isAcceptingAnswers(survey: { status: SurveyStatus; opensOn: string | null; closesOn: string | null }, today: string): boolean {
  if (survey.status !== 'open') return false;
  if (survey.opensOn && today < survey.opensOn) return false;
  if (survey.closesOn && today > survey.closesOn) return false;
  return true;
}
