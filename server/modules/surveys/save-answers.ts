import { ZAnswerSave, type TAnswerSave, type TAnswerSaved } from '../../../common/contracts/surveys';
import { checkAnswers, type Answers } from '../../../common/domain/surveys';
import { todayInItaly } from '../../../common/domain/calendar';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { AppError, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { replaceNeedsOfResponse } from '../needs';
import { answerableQuestions, answerState, resolveAnswerLink } from './answer-link';
import { answerToRows, rowsToAnswers } from './answer-storage';
import { needsOfResponse } from './response-needs';
import { surveyNotAcceptingAnswers } from './surveys.errors';
import { SurveyActions } from './surveys.policy';
import {
  insertResponse,
  lockResponse,
  replaceAnswerRows,
  selectAnswerRows,
  selectExistingMunicipalityCodes,
  selectOrganizationBasics,
  updateResponse,
} from './surveys.repository';
import { newToken } from './tokens';

/**
 * Saves answers through a link, all or nothing. The answers sent replace those of their questions (null clears);
 * the others are kept, so the page saves one section at a time. Every answer is checked against its question; a
 * hidden follow-up's answer is dropped. Submitting (and every later save of a submitted response: an edit) also
 * requires every visible required question, and replaces the needs the response expresses in the register.
 * One response per token: an invitation's second submission edits the same response. The public link creates an
 * anonymous response and returns its own resume token, once.
 */
export async function saveAnswers(context: UseCaseContext, token: string, rawInput: TAnswerSave): Promise<TAnswerSaved> {
  assertCan(context.actor, SurveyActions['surveys.answer']);
  const input = parseInput(ZAnswerSave, rawInput);
  const link = await resolveAnswerLink(context.db.orm, token);
  const state = answerState(link.survey);
  if (state !== 'open') throw surveyNotAcceptingAnswers(state, link.survey.closesOn);
  return inTransaction(context, async (tx) => {
    const survey = link.survey;
    let resumeToken: string | null = null;
    let response = link.response ? await lockResponse(tx, link.response.id) : null;
    if (!response && link.invitation) {
      response = await insertResponse(tx, { surveyId: survey.id, invitationId: link.invitation.id, organizationId: link.invitation.organizationId });
    } else if (!response) {
      const resume = newToken();
      resumeToken = resume.token;
      response = await insertResponse(tx, { surveyId: survey.id, resumeTokenHash: resume.hash });
    }
    if (input.version !== undefined && response.version !== input.version && link.response) {
      throw staleVersion('survey response', response.id, input.version, response.version);
    }
    const before = response;
    const questions = await answerableQuestions(tx, survey.id);
    const stored = rowsToAnswers(questions, await selectAnswerRows(tx, response.id));
    const merged: Answers = { ...stored };
    for (const [questionId, value] of Object.entries(input.answers)) {
      if (value === null) delete merged[questionId];
      else merged[questionId] = value;
    }
    const isSubmission = input.submit || response.status === 'submitted';
    const checked = checkAnswers(questions, merged, { requireComplete: isSubmission });
    const municipalityAnswers = questions.filter((question) => question.type === 'municipality' && typeof checked.answers[question.id] === 'string');
    const existing = await selectExistingMunicipalityCodes(tx, municipalityAnswers.map((question) => checked.answers[question.id] as string));
    for (const question of municipalityAnswers) {
      if (!existing.has(checked.answers[question.id] as string)) checked.issues.push({ questionId: question.id, reason: 'unknown_municipality' });
    }
    if (checked.issues.length > 0) {
      const fields = checked.issues.map((issue) => ({ path: `answers.${issue.questionId}`, message: issue.reason, detail: issue.detail ?? null }));
      throw new AppError('COMMON.VALIDATION', fields.map((field) => `${field.path}: ${field.message}`).join('; '), { fields });
    }
    const byId = new Map(questions.map((question) => [question.id, question]));
    await replaceAnswerRows(tx, response.id, Object.entries(checked.answers).flatMap(([questionId, value]) => answerToRows(byId.get(questionId)!, value)));
    const saved = await updateResponse(tx, response.id, {
      status: isSubmission ? 'submitted' : 'in_progress',
      submittedAt: isSubmission ? response.submittedAt ?? new Date() : null,
    });
    let needCount = 0;
    if (isSubmission) {
      const organization = saved.organizationId ? await selectOrganizationBasics(tx, saved.organizationId) : null;
      const drafts = needsOfResponse({
        survey: survey, questions, answers: checked.answers, organizationId: saved.organizationId,
        headquartersMunicipalityCode: organization?.municipalityCode ?? null, expressedOn: todayInItaly(),
      });
      await replaceNeedsOfResponse(tx, response.id, drafts);
      needCount = drafts.length;
    }
    await recordAudit(tx, context, {
      action: response.status === 'submitted' ? 'surveys.edit-response' : isSubmission ? 'surveys.submit-response' : 'surveys.save-response',
      entityType: 'survey_response', entityId: response.id,
      before: { status: before.status, answers: stored },
      after: { status: saved.status, answers: checked.answers, needCount },
    });
    return { status: saved.status, answers: checked.answers, submittedAt: saved.submittedAt?.toISOString() ?? null, version: saved.version, resumeToken, needCount };
  });
}
