import { ZQuestionUpdate, type TQuestionUpdate, type TSurvey } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import { fieldError, notFound } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import type { UseCaseContext } from '../../platform/use-case';
import { checkAllConditions, normalizeConfig } from './question-rules';
import { changeSurvey, orderedQuestionsOf } from './survey-view';
import { duplicateQuestionCode, questionHasAnswers } from './surveys.errors';
import { SurveyActions } from './surveys.policy';
import { selectUsedItemCodes, updateQuestion as updateQuestionRow } from './surveys.repository';

/**
 * Edits a question. Once it has answers its type cannot change and no option or matrix row that some answer chose
 * can be removed (409 naming the question); labels, help, new options and rows, conditions and need mappings can.
 * Moving it to another section appends it there.
 */
export async function updateQuestion(context: UseCaseContext, surveyId: string, questionId: string, rawInput: TQuestionUpdate): Promise<TSurvey> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  const input = parseInput(ZQuestionUpdate, rawInput);
  return changeSurvey(context, surveyId, input.version, 'surveys.update-question', async (tx, survey, before) => {
    const ordered = orderedQuestionsOf(before);
    const current = ordered.find((question) => question.id === questionId);
    if (!current) throw notFound('question', questionId);
    const type = input.type ?? current.type;
    if (type !== current.type && current.answerCount > 0) throw questionHasAnswers(current, 'retype', current.answerCount);
    if (input.code !== undefined && input.code !== current.code) {
      if (ordered.some((question) => question.code === input.code)) throw duplicateQuestionCode(input.code);
      if (current.answerCount > 0) throw fieldError('code', 'cannot change once the question has answers (it names the export column)');
    }
    const { config, producesNeeds } = await normalizeConfig(tx, type, input.config ?? (type === current.type ? current.config : {}));
    if (current.answerCount > 0 && (type === 'single_choice' || type === 'multiple_choice' || type === 'matrix')) {
      // Options and rows some answer chose must stay (the "other" choice too, while answers use it).
      const used = await selectUsedItemCodes(tx, questionId);
      const kept = new Set([...(config.options ?? []), ...(config.rows ?? [])].map((item) => item.code));
      if (config.allowOther) kept.add('other');
      const removed = [...used].find((code) => !kept.has(code));
      if (removed) throw questionHasAnswers(current, 'remove_item', current.answerCount, removed);
    }
    let sectionId = current.sectionId;
    let position = current.position;
    if (input.sectionId !== undefined && input.sectionId !== current.sectionId) {
      const target = before.sections.find((section) => section.id === input.sectionId);
      if (!target) throw fieldError('sectionId', 'is not a section of this survey');
      sectionId = target.id;
      position = Math.max(-1, ...target.questions.map((question) => question.position)) + 1;
    }
    const condition = input.condition === undefined ? current.condition : input.condition;
    const updated = { ...current, type, config, condition, sectionId, position, code: input.code ?? current.code, label: input.label ?? current.label };
    // Re-order as it will be: conditions (this one and those pointing at it) must still look back to valid answers.
    const sectionOrder = new Map(before.sections.map((section) => [section.id, section.position]));
    const next = ordered
      .map((question) => (question.id === questionId ? updated : question))
      .sort((a, b) => sectionOrder.get(a.sectionId)! - sectionOrder.get(b.sectionId)! || a.position - b.position);
    checkAllConditions(next);
    if (type !== current.type && (survey.needsPeopleQuestionId === questionId || survey.needsMunicipalityQuestionId === questionId)) {
      throw fieldError('type', 'this question is used by the needs settings');
    }
    await updateQuestionRow(tx, questionId, {
      sectionId, position, code: updated.code, type, label: updated.label, helpText: input.helpText ?? current.helpText,
      isRequired: input.isRequired ?? current.isRequired, config, condition, producesNeeds,
    });
  });
}
