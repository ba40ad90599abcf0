import type { QuestionConfig, QuestionType } from '../../../common/domain/surveys';
import type { OrmTransaction } from '../../platform/db/database';
import { normalizeConfig } from './question-rules';
import { insertQuestion, insertSection, updateSurveyColumns } from './surveys.repository';
import type { TSurvey } from '../../../common/contracts/surveys';

/** A questionnaire independent of ids: a shipped template, or an existing survey being duplicated. */
export interface SurveyTemplate {
  sections: {
    title: string;
    description: string;
    questions: {
      code: string;
      type: QuestionType;
      label: string;
      helpText?: string;
      isRequired?: boolean;
      config?: QuestionConfig;
      /** Shown only when the question with this code has this answer. */
      showIf?: { code: string; equals: string };
    }[];
  }[];
  needs: { peopleQuestionCode: string | null; municipalityQuestionCode: string | null; minRelevance: number };
}

/** An existing survey as a template (for "duplicate survey"). */
export function templateOf(view: TSurvey): SurveyTemplate {
  const codeOf = new Map(view.sections.flatMap((section) => section.questions.map((question) => [question.id, question.code] as const)));
  return {
    sections: view.sections.map((section) => ({
      title: section.title,
      description: section.description,
      questions: section.questions.map((question) => ({
        code: question.code, type: question.type, label: question.label, helpText: question.helpText, isRequired: question.isRequired,
        config: question.config,
        showIf: question.condition ? { code: codeOf.get(question.condition.questionId)!, equals: question.condition.equals } : undefined,
      })),
    })),
    needs: {
      peopleQuestionCode: view.needsPeopleQuestionId ? codeOf.get(view.needsPeopleQuestionId) ?? null : null,
      municipalityQuestionCode: view.needsMunicipalityQuestionId ? codeOf.get(view.needsMunicipalityQuestionId) ?? null : null,
      minRelevance: view.needsMinRelevance,
    },
  };
}

/** Writes a template's sections and questions into an empty survey (conditions and needs settings re-linked by code). */
export async function writeTemplate(tx: OrmTransaction, surveyId: string, template: SurveyTemplate): Promise<void> {
  const idOf = new Map<string, string>();
  for (const [sectionIndex, section] of template.sections.entries()) {
    const sectionRow = await insertSection(tx, { surveyId, position: sectionIndex, title: section.title, description: section.description });
    for (const [questionIndex, question] of section.questions.entries()) {
      const { config, producesNeeds } = await normalizeConfig(tx, question.type, question.config ?? {});
      const row = await insertQuestion(tx, {
        surveyId, sectionId: sectionRow.id, position: questionIndex, code: question.code, type: question.type, label: question.label,
        helpText: question.helpText ?? '', isRequired: question.isRequired ?? false, config, producesNeeds,
        condition: question.showIf ? { questionId: idOf.get(question.showIf.code)!, equals: question.showIf.equals } : null,
      });
      idOf.set(question.code, row.id);
    }
  }
  const lookup = (code: string | null) => (code ? idOf.get(code) ?? null : null);
  await updateSurveyColumns(tx, surveyId, {
    needsPeopleQuestionId: lookup(template.needs.peopleQuestionCode),
    needsMunicipalityQuestionId: lookup(template.needs.municipalityQuestionCode),
    needsMinRelevance: template.needs.minRelevance,
  });
}
