import { isAcceptingAnswers, type AnswerableQuestion } from '../../../common/domain/surveys';
import { todayInItaly } from '../../../common/domain/calendar';
import type { DbExecutor } from '../../platform/db/database';
import { answerLinkNotFound } from './surveys.errors';
import {
  selectInvitationByTokenHash,
  selectQuestions,
  selectResponseByInvitation,
  selectResponseByResumeHash,
  selectSurvey,
  selectSurveyByPublicTokenHash,
  type InvitationRow,
  type QuestionRow,
  type ResponseRow,
  type SurveyRow,
} from './surveys.repository';
import { hashToken } from './tokens';

/** What a link token opens: an invitation (and its response, if any), the public link, or a public response. */
export interface AnswerLink {
  survey: SurveyRow;
  invitation: InvitationRow | null;
  response: ResponseRow | null;
  isPublicLink: boolean;
}

/**
 * Resolves a token by its hash. Each token reaches one response only (its invitation's, or the anonymous one it
 * resumes): nobody can read another organization's answers. A draft survey's links answer 404.
 */
export async function resolveAnswerLink(db: DbExecutor, token: string): Promise<AnswerLink> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw answerLinkNotFound();
  const hash = hashToken(token);
  let link: AnswerLink | null = null;
  const invitation = await selectInvitationByTokenHash(db, hash);
  if (invitation) {
    const survey = await selectSurvey(db, invitation.surveyId);
    if (survey) link = { survey, invitation, response: await selectResponseByInvitation(db, invitation.id), isPublicLink: false };
  } else {
    const publicSurvey = await selectSurveyByPublicTokenHash(db, hash);
    if (publicSurvey) link = { survey: publicSurvey, invitation: null, response: null, isPublicLink: true };
    else {
      const response = await selectResponseByResumeHash(db, hash);
      const survey = response ? await selectSurvey(db, response.surveyId) : null;
      if (response && survey) link = { survey, invitation: null, response, isPublicLink: false };
    }
  }
  if (!link || link.survey.status === 'draft') throw answerLinkNotFound();
  return link;
}

export function answerState(survey: SurveyRow, today = todayInItaly()): 'open' | 'closed' | 'not_yet_open' {
  if (isAcceptingAnswers(survey, today)) return 'open';
  return survey.status === 'open' && survey.opensOn && today < survey.opensOn ? 'not_yet_open' : 'closed';
}

export async function answerableQuestions(db: DbExecutor, surveyId: string): Promise<(AnswerableQuestion & QuestionRow)[]> {
  return (await selectQuestions(db, surveyId)).map((question) => ({ ...question, condition: question.condition ?? null }));
}
