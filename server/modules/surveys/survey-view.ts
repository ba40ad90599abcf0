import type { SurveysAuditAction } from '../../../common/contracts/surveys.audit';
import type { TQuestion, TQuestionConfig, TSurvey } from '../../../common/contracts/surveys';
import { can } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import type { DbExecutor, OrmTransaction } from '../../platform/db/database';
import { staleVersion } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import type { OrderedQuestion } from './question-rules';
import { SurveyActions } from './surveys.policy';
import { surveyNotFound } from './surveys.errors';
import {
  bumpSurveyVersion,
  countInProgress,
  selectAnswerCounts,
  selectQuestions,
  selectSections,
  selectSurvey,
  selectSurveySummaries,
  type QuestionRow,
  type SurveyRow,
} from './surveys.repository';

function toQuestion(row: QuestionRow, answerCount: number): TQuestion {
  return {
    id: row.id, sectionId: row.sectionId, position: row.position, code: row.code, type: row.type, label: row.label,
    helpText: row.helpText, isRequired: row.isRequired, config: row.config as TQuestionConfig, condition: row.condition ?? null,
    producesNeeds: row.producesNeeds, answerCount,
  };
}

/** The builder's view of a survey: settings, counts, sections with their questions in order. */
export async function loadSurveyView(db: DbExecutor, id: string): Promise<TSurvey> {
  const [summary] = await selectSurveySummaries(db, null, id);
  const row = await selectSurvey(db, id);
  if (!summary || !row) throw surveyNotFound(id);
  const [sections, questions, counts, inProgressCount] = [
    await selectSections(db, id), await selectQuestions(db, id), await selectAnswerCounts(db, id), await countInProgress(db, id),
  ];
  return {
    ...summary,
    introduction: row.introduction,
    privacyNotice: row.privacyNotice,
    hasPublicLink: row.publicLinkTokenHash !== null,
    needsPeopleQuestionId: row.needsPeopleQuestionId,
    needsMunicipalityQuestionId: row.needsMunicipalityQuestionId,
    needsMinRelevance: row.needsMinRelevance,
    inProgressCount,
    version: row.version,
    sections: sections.map((section) => ({
      id: section.id, position: section.position, title: section.title, description: section.description,
      questions: questions.filter((question) => question.sectionId === section.id).map((question) => toQuestion(question, counts.get(question.id) ?? 0)),
    })),
  };
}

/** The survey if the actor manages it; otherwise 404, so a coordinator of another district learns nothing. */
export async function requireManagedSurvey(context: UseCaseContext, db: DbExecutor, id: string): Promise<SurveyRow> {
  const row = await selectSurvey(db, id);
  if (!row || !can(context.actor, SurveyActions['surveys.manage'], { districtId: row.districtId })) throw surveyNotFound(id);
  return row;
}

export const orderedQuestionsOf = (view: TSurvey): (OrderedQuestion & TQuestion)[] => view.sections.flatMap((section) => section.questions);

/**
 * Runs one structural change of a survey (settings, sections, questions, order) in a transaction: the survey's
 * version must match (optimistic locking; the version covers the whole questionnaire), it is bumped, and the audit
 * entry keeps the questionnaire before and after.
 */
export async function changeSurvey(
  context: UseCaseContext,
  surveyId: string,
  version: number,
  action: SurveysAuditAction,
  work: (tx: OrmTransaction, survey: SurveyRow, before: TSurvey) => Promise<void>,
): Promise<TSurvey> {
  return inTransaction(context, async (tx) => {
    const current = await requireManagedSurvey(context, tx, surveyId);
    const before = await loadSurveyView(tx, surveyId);
    const bumped = await bumpSurveyVersion(tx, surveyId, version);
    if (!bumped) throw staleVersion('survey', surveyId, version, current.version);
    await work(tx, bumped, before);
    const after = await loadSurveyView(tx, surveyId);
    await recordAudit(tx, context, { action, entityType: 'survey', entityId: surveyId, before, after });
    return after;
  });
}
