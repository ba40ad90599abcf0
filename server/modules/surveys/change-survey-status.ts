import { ZSurveyStatusChange, type TSurvey } from '../../../common/contracts/surveys';
import type { SurveyStatus } from '../../../common/domain/surveys';
import { assertCan } from '../../platform/access/policy';
import { parseInput } from '../../platform/errors/parse-input';
import type { UseCaseContext } from '../../platform/use-case';
import type { z } from 'zod';
import { changeSurvey, orderedQuestionsOf } from './survey-view';
import { invalidTransition } from './surveys.errors';
import { SurveyActions } from './surveys.policy';
import { updateSurveyColumns } from './surveys.repository';

/**
 * Draft → open (it needs at least one question) → closed; a closed survey may be reopened (e.g. a late extension);
 * an open survey goes back to draft only while nobody has answered it.
 */
export async function changeSurveyStatus(context: UseCaseContext, id: string, rawInput: z.input<typeof ZSurveyStatusChange>): Promise<TSurvey> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  const input = parseInput(ZSurveyStatusChange, rawInput);
  return changeSurvey(context, id, input.version, 'surveys.change-survey-status', async (tx, survey, before) => {
    const from: SurveyStatus = survey.status;
    const to = input.status;
    if (from === to) throw invalidTransition(from, to, 'it already is');
    if (to === 'open' && orderedQuestionsOf(before).length === 0) throw invalidTransition(from, to, 'it has no questions');
    if (from === 'draft' && to === 'closed') throw invalidTransition(from, to, 'open it first');
    if (to === 'draft' && (before.submittedCount > 0 || before.inProgressCount > 0)) throw invalidTransition(from, to, 'it has responses');
    await updateSurveyColumns(tx, id, { status: to });
  });
}
