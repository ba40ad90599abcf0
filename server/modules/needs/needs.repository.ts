import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import { needs } from './needs.schema';

export type NeedRow = typeof needs.$inferSelect;

/** A need as a survey answer produces it: the survey module computes these, the register stores them. */
export interface SurveyNeedDraft {
  districtId: string | null;
  organizationId: string | null;
  categoryCode: string;
  targetGroup: string;
  municipalityCode: string;
  peopleCount: number;
  relevance: number | null;
  surveyQuestionId: string;
  surveyItemCode: string;
  expressedOn: string;
  isDemo?: boolean;
}

/**
 * Replaces the needs a survey response produced (an edited response replaces its needs; needs a coordinator has
 * already moved out of `open` are kept as they are, so an edit never undoes a coordinator's work).
 */
export async function replaceNeedsOfResponse(tx: DbExecutor, responseId: string, drafts: SurveyNeedDraft[]): Promise<NeedRow[]> {
  const existing = await tx.select().from(needs).where(eq(needs.surveyResponseId, responseId));
  const kept = existing.filter((need) => need.status !== 'open');
  const keptKeys = new Set(kept.map((need) => `${need.surveyQuestionId}|${need.surveyItemCode}`));
  await tx.delete(needs).where(and(eq(needs.surveyResponseId, responseId), eq(needs.status, 'open')));
  const fresh = drafts.filter((draft) => !keptKeys.has(`${draft.surveyQuestionId}|${draft.surveyItemCode}`));
  if (fresh.length === 0) return [];
  return tx
    .insert(needs)
    .values(fresh.map((draft) => ({ ...draft, source: 'survey' as const, surveyResponseId: responseId, isDemo: draft.isDemo ?? false })))
    .returning();
}
