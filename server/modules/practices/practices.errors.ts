import type { LessonField } from '../../../common/domain/practices';
import { AppError } from '../../platform/errors/app-error';

/** A partial or failed practice without its cause or its lesson (400, naming the blank fields). */
export function lessonRequired(fields: LessonField[]): AppError {
  const messages: Record<LessonField, string> = {
    failureCause: 'required when the outcome is partial or a failure: why it did not work',
    lessonLearned: 'required when the outcome is partial or a failure: what would be done differently',
  };
  return new AppError('PRACTICES.LESSON_REQUIRED', `${fields.join(', ')}: required when the outcome is partial or a failure`, {
    fields: fields.map((path) => ({ path, message: messages[path], reason: 'required' })),
  });
}
