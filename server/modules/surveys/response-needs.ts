import type { Answers, QuestionConfig, QuestionType } from '../../../common/domain/surveys';
import type { SurveyNeedDraft } from '../needs';

export interface NeedsSurvey {
  districtId: string | null;
  needsPeopleQuestionId: string | null;
  needsMunicipalityQuestionId: string | null;
  needsMinRelevance: number;
  isDemo: boolean;
}

/** Needs go to adults when a mapped item has no target group (the builder asks for one; this is a safety net). */
const DEFAULT_TARGET_GROUP = 'adults';

/**
 * The needs a submitted response expresses: each need-producing matrix row rated at least the survey's minimum
 * relevance (with that relevance), each chosen mapped option (relevance unknown). They are placed in the municipality
 * question's answer, else the organization's headquarters; without either (an anonymous answer that skipped the
 * municipality) the response expresses no placeable need and none is recorded. People: the people question's
 * number, else 1.
 */
export function needsOfResponse(input: {
  survey: NeedsSurvey;
  questions: { id: string; type: QuestionType; config: QuestionConfig; producesNeeds: boolean }[];
  answers: Answers;
  organizationId: string | null;
  headquartersMunicipalityCode: string | null;
  expressedOn: string;
}): SurveyNeedDraft[] {
  const { survey, answers } = input;
  const chosenMunicipality = survey.needsMunicipalityQuestionId ? answers[survey.needsMunicipalityQuestionId] : undefined;
  const municipalityCode = typeof chosenMunicipality === 'string' ? chosenMunicipality : input.headquartersMunicipalityCode;
  if (!municipalityCode) return [];
  const people = survey.needsPeopleQuestionId ? answers[survey.needsPeopleQuestionId] : undefined;
  const peopleCount = typeof people === 'number' && people >= 1 ? Math.round(people) : 1;
  const drafts: SurveyNeedDraft[] = [];
  const add = (questionId: string, itemCode: string, item: { needCategory?: string | null; needTargetGroup?: string | null }, relevance: number | null) => {
    if (!item.needCategory) return;
    drafts.push({
      districtId: survey.districtId,
      organizationId: input.organizationId,
      categoryCode: item.needCategory,
      targetGroup: item.needTargetGroup ?? DEFAULT_TARGET_GROUP,
      municipalityCode,
      peopleCount,
      relevance,
      surveyQuestionId: questionId,
      surveyItemCode: itemCode,
      expressedOn: input.expressedOn,
      isDemo: survey.isDemo,
    });
  };
  for (const question of input.questions) {
    if (!question.producesNeeds) continue;
    const value = answers[question.id];
    if (value === undefined || value === null) continue;
    if (question.type === 'matrix') {
      const ratings = value as Record<string, number>;
      for (const row of question.config.rows ?? []) {
        const relevance = ratings[row.code];
        if (relevance !== undefined && relevance >= survey.needsMinRelevance) add(question.id, row.code, row, relevance);
      }
    } else if (question.type === 'single_choice' || question.type === 'multiple_choice') {
      const chosen = question.type === 'single_choice' ? [(value as { choice: string }).choice] : (value as { choices: string[] }).choices;
      for (const option of question.config.options ?? []) {
        if (chosen.includes(option.code)) add(question.id, option.code, option, null);
      }
    }
  }
  return drafts;
}
