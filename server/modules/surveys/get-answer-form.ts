import type { TAnswerForm, TQuestionConfig } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { answerableQuestions, answerState, resolveAnswerLink } from './answer-link';
import { rowsToAnswers } from './answer-storage';
import { SurveyActions } from './surveys.policy';
import { selectAnswerRows, selectOrganizationBasics, selectSections } from './surveys.repository';

/** Drops the need mappings: the respondent sees options and rows, not how the district files them. */
function publicConfig(config: TQuestionConfig): TQuestionConfig {
  const strip = (items: TQuestionConfig['options']) => items?.map((item) => ({ ...item, needCategory: null, needTargetGroup: null }));
  return { ...config, ...(config.options ? { options: strip(config.options) } : {}), ...(config.rows ? { rows: strip(config.rows) } : {}) };
}

/** The answer page of a link: the questionnaire, the link's own answers so far, and whether they can still change. */
export async function getAnswerForm(context: UseCaseContext, token: string): Promise<TAnswerForm> {
  assertCan(context.actor, SurveyActions['surveys.answer']);
  const db = context.db.orm;
  const link = await resolveAnswerLink(db, token);
  const [sections, questions] = [await selectSections(db, link.survey.id), await answerableQuestions(db, link.survey.id)];
  const organization = link.invitation ? await selectOrganizationBasics(db, link.invitation.organizationId) : null;
  const response = link.response
    ? {
        status: link.response.status,
        answers: rowsToAnswers(questions, await selectAnswerRows(db, link.response.id)),
        submittedAt: link.response.submittedAt?.toISOString() ?? null,
        version: link.response.version,
      }
    : null;
  return {
    survey: { id: link.survey.id, title: link.survey.title, introduction: link.survey.introduction, privacyNotice: link.survey.privacyNotice, closesOn: link.survey.closesOn },
    sections: sections.map((section) => ({
      id: section.id, title: section.title, description: section.description,
      questions: questions
        .filter((question) => question.sectionId === section.id)
        .map((question) => ({
          id: question.id, code: question.code, type: question.type, label: question.label, helpText: question.helpText,
          isRequired: question.isRequired, config: publicConfig(question.config as TQuestionConfig), condition: question.condition,
        })),
    })),
    organizationName: organization?.name ?? null,
    state: answerState(link.survey),
    response,
  };
}
