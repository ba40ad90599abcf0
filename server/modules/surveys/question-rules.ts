import type { QuestionCondition, QuestionConfig, QuestionType, SurveyItem } from '../../../common/domain/surveys';
import type { DbExecutor } from '../../platform/db/database';
import { fieldError } from '../../platform/errors/app-error';
import { selectExistingTaxonomyCodes } from './surveys.repository';

const CHOICE_TYPES: QuestionType[] = ['single_choice', 'multiple_choice'];
/** Questions a follow-up may depend on: their answer is one code. */
const CONDITION_SOURCES: QuestionType[] = ['yes_no', 'single_choice', 'multiple_choice'];

function checkItems(items: SurveyItem[] | undefined, path: string, what: string): SurveyItem[] {
  if (!items || items.length === 0) throw fieldError(path, `a ${what} question needs at least one entry`);
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.code)) throw fieldError(`${path}.${index}.code`, `"${item.code}" is used twice`);
    seen.add(item.code);
    if (item.code === 'other') throw fieldError(`${path}.${index}.code`, 'the code "other" is reserved for "other, specify"');
    if (item.needCategory && !item.needTargetGroup) throw fieldError(`${path}.${index}.needTargetGroup`, 'a need needs a target group');
    if (!item.needCategory && item.needTargetGroup) throw fieldError(`${path}.${index}.needCategory`, 'a target group needs a need category');
  });
  return items.map((item) => ({ code: item.code, label: item.label, needCategory: item.needCategory ?? null, needTargetGroup: item.needTargetGroup ?? null }));
}

/**
 * Keeps the settings that matter for the type and checks them: options or rows present with unique codes, a number
 * range in order, need mappings naming existing taxonomy categories (TARGET_GROUPS are checked by the contract).
 */
export async function normalizeConfig(db: DbExecutor, type: QuestionType, config: QuestionConfig): Promise<{ config: QuestionConfig; producesNeeds: boolean }> {
  let normalized: QuestionConfig = {};
  if (CHOICE_TYPES.includes(type)) {
    normalized = { options: checkItems(config.options, 'config.options', 'choice'), allowOther: config.allowOther ?? false };
  } else if (type === 'matrix') {
    normalized = { rows: checkItems(config.rows, 'config.rows', 'matrix') };
  } else if (type === 'number') {
    if (config.min !== undefined && config.min !== null && config.max !== undefined && config.max !== null && config.min > config.max) {
      throw fieldError('config.max', 'must not be below the minimum');
    }
    normalized = { min: config.min ?? null, max: config.max ?? null, unit: config.unit ?? '', integerOnly: config.integerOnly ?? false };
  } else if (type === 'scale') {
    normalized = { minLabel: config.minLabel ?? '', maxLabel: config.maxLabel ?? '' };
  }
  const items = [...(normalized.options ?? []), ...(normalized.rows ?? [])];
  const categories = [...new Set(items.map((item) => item.needCategory).filter((code): code is string => Boolean(code)))];
  const known = await selectExistingTaxonomyCodes(db, categories);
  const unknown = categories.find((code) => !known.has(code));
  if (unknown) {
    const path = normalized.options ? 'config.options' : 'config.rows';
    const index = items.findIndex((item) => item.needCategory === unknown);
    throw fieldError(`${path}.${index}.needCategory`, `"${unknown}" is not a category of the services taxonomy`);
  }
  return { config: normalized, producesNeeds: categories.length > 0 };
}

export interface OrderedQuestion {
  id: string;
  code: string;
  label: string;
  type: QuestionType;
  config: QuestionConfig;
  condition: QuestionCondition | null;
}

/** Checks a follow-up's condition: it must point to an EARLIER yes/no or choice question, with a value it can take. */
export function checkCondition(condition: QuestionCondition | null, earlier: OrderedQuestion[], path = 'condition'): void {
  if (!condition) return;
  const source = earlier.find((question) => question.id === condition.questionId);
  if (!source) throw fieldError(`${path}.questionId`, 'must be an earlier question of this survey');
  if (!CONDITION_SOURCES.includes(source.type)) throw fieldError(`${path}.questionId`, 'must be a yes/no or choice question');
  const values = source.type === 'yes_no' ? ['yes', 'no'] : (source.config.options ?? []).map((option) => option.code);
  if (!values.includes(condition.equals)) throw fieldError(`${path}.equals`, `must be one of ${values.join(', ')}`);
}

/** After a move, a removal or an option change: every condition must still point to an earlier, valid answer. */
export function checkAllConditions(ordered: OrderedQuestion[]): void {
  ordered.forEach((question, index) => {
    try {
      checkCondition(question.condition, ordered.slice(0, index));
    } catch {
      throw fieldError(`questions.${question.code}.condition`, `the condition of question "${question.code}" (${question.label}) must point to an earlier yes/no or choice question and one of its answers`);
    }
  });
}
