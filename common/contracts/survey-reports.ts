import { z } from 'zod';
import { zInt, zQueryInt } from './integers';
import { ORGANIZATION_SIZE_CLASSES } from '../domain/organization-registry';
import { QUESTION_TYPES } from '../domain/surveys';

/**
 * Survey reports (issue 6). `full` is the coordinators' report; `shared` is what member organizations of the
 * district may see: every count of 1 or 2 respondents (a cross-tab cell, a breakdown group, a bar under filters) is
 * replaced by `null` with `hidden: true` (shown as "< 3"), single values (min, max) are left out, and free text is
 * never listed with its organization. See ADR 0016.
 */
export const REPORT_VARIANTS = ['full', 'shared'] as const;
export type ReportVariant = (typeof REPORT_VARIANTS)[number];
export const SMALL_CELL_MIN = 3;

export const ZReportFilters = z.strictObject({
  variant: z.enum(REPORT_VARIANTS).default('full'),
  kind: z.string().regex(/^[a-z_]{2,40}$/).optional(),
  sizeClass: z.enum([...ORGANIZATION_SIZE_CLASSES, 'unknown']).optional(),
  municipalityCode: z.string().regex(/^\d{6}$/).optional(),
});
export type TReportFilters = z.infer<typeof ZReportFilters>;

/** The CSV is downloaded by a plain link, which cannot set Accept-Language: `lang` names the labels' language. */
export const ZResponsesCsvQuery = ZReportFilters.extend({ lang: z.enum(['it', 'en']).optional() });

/** Cross-tabulate `questionCode` by an attribute: `kind`, `size`, `municipality`, or `q:<code>` of another question. */
export const ZReportQuery = ZReportFilters.extend({
  crossQuestion: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).optional(),
  crossBy: z.string().regex(/^(kind|size|municipality|q:[a-z][a-z0-9_]{0,39})$/).optional(),
});
export type TReportQuery = z.infer<typeof ZReportQuery>;

/** A count that the shared report may hide (fewer than 3 respondents). */
const ZCount = zInt().nullable();

export const ZRateGroup = z.object({
  key: z.string(),
  label: z.string().nullable(),
  /** Invited organizations of the group: hidden (null) in the shared report when it is 1 or 2. */
  invited: ZCount,
  submitted: ZCount,
  rate: z.number().nullable(),
  hidden: z.boolean(),
});
export type TRateGroup = z.infer<typeof ZRateGroup>;

export const ZReportBar = z.object({ code: z.string(), label: z.string(), count: ZCount, share: z.number().nullable(), hidden: z.boolean() });
export type TReportBar = z.infer<typeof ZReportBar>;

export const ZMatrixRow = z.object({
  code: z.string(),
  label: z.string(),
  respondents: ZCount,
  mean: z.number().nullable(),
  /** Counts of relevance 1..5 (index 0 = 1). */
  counts: z.array(ZCount),
  hidden: z.boolean(),
});
export type TMatrixRow = z.infer<typeof ZMatrixRow>;

export const ZQuestionReport = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  type: z.enum(QUESTION_TYPES),
  sectionTitle: z.string(),
  /** Submitted responses that answered this question. */
  respondents: ZCount,
  /** Choice-like questions (single, multiple, yes/no, municipality, scale): one bar per value. */
  bars: z.array(ZReportBar),
  /** Matrix: mean relevance and the distribution per row. */
  matrix: z.array(ZMatrixRow),
  /** Number and scale questions. */
  stats: z.object({ mean: z.number().nullable(), median: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable(), unit: z.string() }).nullable(),
  /** Text questions (and "other, specify"): how many texts, listed by /texts. */
  textCount: ZCount,
});
export type TQuestionReport = z.infer<typeof ZQuestionReport>;

export const ZCrossTab = z.object({
  questionCode: z.string(),
  questionLabel: z.string(),
  by: z.string(),
  byLabel: z.string(),
  /** 'count': respondents per cell; 'mean': mean value (matrix rows, number questions) with the respondents. */
  measure: z.enum(['count', 'mean']),
  columns: z.array(z.object({ key: z.string(), label: z.string(), respondents: ZCount, hidden: z.boolean() })),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      cells: z.array(z.object({ column: z.string(), count: ZCount, mean: z.number().nullable(), hidden: z.boolean() })),
    }),
  ),
});
export type TCrossTab = z.infer<typeof ZCrossTab>;

export const ZSurveyReport = z.object({
  survey: z.object({ id: z.string(), title: z.string(), status: z.string(), districtId: z.string().nullable(), districtName: z.string().nullable(), closesOn: z.string().nullable() }),
  variant: z.enum(REPORT_VARIANTS),
  /** Whether the actor may ask for the full variant (the web shows the switch). */
  canSeeFull: z.boolean(),
  filters: ZReportFilters,
  responseRate: z.object({
    invited: ZCount,
    submittedInvited: ZCount,
    submittedPublic: ZCount,
    submitted: ZCount,
    inProgress: ZCount,
    rate: z.number().nullable(),
    byKind: z.array(ZRateGroup),
    bySize: z.array(ZRateGroup),
    byMunicipality: z.array(ZRateGroup),
  }),
  questions: z.array(ZQuestionReport),
  crossTab: ZCrossTab.nullable(),
  generatedAt: z.string(),
});
export type TSurveyReport = z.infer<typeof ZSurveyReport>;

export const ZReportTextsQuery = ZReportFilters.extend({
  questionCode: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).optional(),
  q: z.string().trim().max(200).optional(),
  limit: zQueryInt().min(1).max(500).default(100),
});
export type TReportTextsQuery = z.infer<typeof ZReportTextsQuery>;

export const ZReportTexts = z.object({
  items: z.array(
    z.object({
      questionCode: z.string(),
      questionLabel: z.string(),
      /** 'other' for the text of an "other, specify" choice. */
      itemCode: z.string(),
      text: z.string(),
      /** Only in the full report. */
      organizationName: z.string().nullable(),
      submittedAt: z.string().nullable(),
    }),
  ),
  total: zInt(),
});
export type TReportTexts = z.infer<typeof ZReportTexts>;

/** A response as the coordinator lists it to exclude it from the reports (or include it again). */
export const ZSurveyResponseSummary = z.object({
  id: z.string(),
  organizationName: z.string().nullable(),
  status: z.enum(['in_progress', 'submitted']),
  submittedAt: z.string().nullable(),
  isExcluded: z.boolean(),
  exclusionReason: z.string().nullable(),
  excludedAt: z.string().nullable(),
  version: zInt(),
});
export type TSurveyResponseSummary = z.infer<typeof ZSurveyResponseSummary>;
export const ZSurveyResponseList = z.object({ items: z.array(ZSurveyResponseSummary) });
export type TSurveyResponseList = z.infer<typeof ZSurveyResponseList>;

export const ZResponseExclusion = z.discriminatedUnion('isExcluded', [
  z.strictObject({ isExcluded: z.literal(true), reason: z.string().trim().min(3).max(500), version: zInt().min(1) }),
  z.strictObject({ isExcluded: z.literal(false), version: zInt().min(1) }),
]);
export type TResponseExclusion = z.input<typeof ZResponseExclusion>;
