import type { TFunction } from 'i18next';
import type { TQuestion } from '../../../common/contracts/surveys';

/**
 * The answer a condition waits for, as the person answering reads it: "Sì"/"No" for a yes/no question, the option's
 * label for a choice. The option's code is what is stored; it shows only when the option is no longer in the question.
 */
export function conditionAnswerLabel(source: Pick<TQuestion, 'type' | 'config'>, equals: string, t: TFunction<'surveys'>): string {
  if (source.type === 'yes_no') {
    if (equals === 'yes') return t('answer.yes');
    if (equals === 'no') return t('answer.no');
  }
  return source.config.options?.find((option) => option.code === equals)?.label ?? equals;
}

/** "shown if «Does your firm offer welfare?» is «Yes»": the earlier question and the answer by their labels. */
export function describeCondition(source: Pick<TQuestion, 'type' | 'config' | 'label'>, equals: string, t: TFunction<'surveys'>): string {
  return t('builder.shownIf', { question: source.label, answer: conditionAnswerLabel(source, equals, t) });
}

/**
 * The question editor's name for screen readers: "Modifica la domanda «L'azienda offre welfare?»" by the question's
 * text, as the builder lists it (its code is the builder's identifier, not what a person reads); "Nuova domanda" for a
 * question not saved yet.
 */
export function questionEditorName(question: Pick<TQuestion, 'label'> | null, t: TFunction<'surveys'>): string {
  return question ? t('builder.editQuestion', { label: question.label }) : t('builder.newQuestion');
}
