import { z } from 'zod';
import { zInt, zQueryInt } from './integers';
import { ORGANIZATION_KIND_CODES } from '../domain/organizations';
import { TARGET_GROUPS } from '../domain/services';
import { NUMBER_ANSWER_ABSOLUTE_MAX } from '../domain/limits';
import { LONG_TEXT_MAX, QUESTION_TYPES, SCALE_MAX, SCALE_MIN, SURVEY_STATUSES } from '../domain/surveys';

const ZDate = z.iso.date();
const ZCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a code is lowercase letters, digits and _ (starting with a letter)');
const ZItemCode = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'a code is lowercase letters, digits, _ and -');

/** An option of a choice question or a row of a matrix; with a taxonomy category it expresses a need. */
export const ZSurveyItem = z.strictObject({
  code: ZItemCode.refine((code) => code !== 'other', 'the code "other" is reserved for "other, specify"'),
  label: z.string().trim().min(1).max(300),
  needCategory: z.string().min(2).max(80).nullable().default(null),
  needTargetGroup: z.enum(TARGET_GROUPS).nullable().default(null),
});
export type TSurveyItem = z.infer<typeof ZSurveyItem>;

export const ZQuestionConfig = z.strictObject({
  options: z.array(ZSurveyItem).max(50).optional(),
  allowOther: z.boolean().optional(),
  rows: z.array(ZSurveyItem).max(40).optional(),
  min: z.number().min(-NUMBER_ANSWER_ABSOLUTE_MAX).max(NUMBER_ANSWER_ABSOLUTE_MAX).nullable().optional(),
  max: z.number().min(-NUMBER_ANSWER_ABSOLUTE_MAX).max(NUMBER_ANSWER_ABSOLUTE_MAX).nullable().optional(),
  unit: z.string().trim().max(40).optional(),
  integerOnly: z.boolean().optional(),
  minLabel: z.string().trim().max(100).optional(),
  maxLabel: z.string().trim().max(100).optional(),
});
export type TQuestionConfig = z.infer<typeof ZQuestionConfig>;

export const ZQuestionCondition = z.strictObject({ questionId: z.uuid(), equals: z.string().min(1).max(40) });

export const ZQuestion = z.object({
  id: z.string(),
  sectionId: z.string(),
  position: zInt(),
  code: z.string(),
  type: z.enum(QUESTION_TYPES),
  label: z.string(),
  helpText: z.string(),
  isRequired: z.boolean(),
  config: ZQuestionConfig,
  condition: ZQuestionCondition.nullable(),
  producesNeeds: z.boolean(),
  /** How many responses answered it: a question with answers cannot be removed or retyped. */
  answerCount: zInt(),
});
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZSection = z.object({
  id: z.string(),
  position: zInt(),
  title: z.string(),
  description: z.string(),
  questions: z.array(ZQuestion),
});
export type TSection = z.infer<typeof ZSection>;

export const ZSurveySummary = z.object({
  id: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  regionCode: z.string().nullable(),
  title: z.string(),
  status: z.enum(SURVEY_STATUSES),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  isDemo: z.boolean(),
  questionCount: zInt(),
  invitationCount: zInt(),
  submittedCount: zInt(),
  updatedAt: z.string(),
});
export type TSurveySummary = z.infer<typeof ZSurveySummary>;
export const ZSurveyList = z.object({ items: z.array(ZSurveySummary) });

export const ZSurvey = ZSurveySummary.extend({
  introduction: z.string(),
  privacyNotice: z.string(),
  hasPublicLink: z.boolean(),
  needsPeopleQuestionId: z.string().nullable(),
  needsMunicipalityQuestionId: z.string().nullable(),
  needsMinRelevance: zInt(),
  inProgressCount: zInt(),
  version: zInt(),
  sections: z.array(ZSection),
});
export type TSurvey = z.infer<typeof ZSurvey>;

export const SURVEY_TEMPLATES = ['company_welfare'] as const;

export const ZSurveyCreate = z.strictObject({
  /** null: a regional survey (platform admins), with `regionCode`. */
  districtId: z.uuid().nullable(),
  regionCode: z.string().regex(/^\d{2}$/).nullable().default(null),
  title: z.string().trim().min(1).max(300),
  introduction: z.string().trim().max(LONG_TEXT_MAX).default(''),
  privacyNotice: z.string().trim().max(LONG_TEXT_MAX).default(''),
  opensOn: ZDate.nullable().default(null),
  closesOn: ZDate.nullable().default(null),
  /** Start from a shipped template instead of an empty survey. */
  template: z.enum(SURVEY_TEMPLATES).nullable().default(null),
  isDemo: z.boolean().default(false),
});
export type TSurveyCreate = z.input<typeof ZSurveyCreate>;

export const ZSurveyUpdate = z.strictObject({
  version: zInt(),
  title: z.string().trim().min(1).max(300).optional(),
  introduction: z.string().trim().max(LONG_TEXT_MAX).optional(),
  privacyNotice: z.string().trim().max(LONG_TEXT_MAX).optional(),
  opensOn: ZDate.nullable().optional(),
  closesOn: ZDate.nullable().optional(),
  needsPeopleQuestionId: z.uuid().nullable().optional(),
  needsMunicipalityQuestionId: z.uuid().nullable().optional(),
  needsMinRelevance: zInt().min(SCALE_MIN).max(SCALE_MAX).optional(),
});
export type TSurveyUpdate = z.input<typeof ZSurveyUpdate>;

export const ZSurveyStatusChange = z.strictObject({ version: zInt(), status: z.enum(SURVEY_STATUSES) });
export const ZSurveyDuplicate = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  districtId: z.uuid().nullable().optional(),
});

export const ZSectionInput = z.strictObject({
  version: zInt(),
  title: z.string().trim().max(300).default(''),
  description: z.string().trim().max(2000).default(''),
});
export type TSectionInput = z.input<typeof ZSectionInput>;

export const ZQuestionInput = z.strictObject({
  version: zInt(),
  sectionId: z.uuid(),
  code: ZCode,
  type: z.enum(QUESTION_TYPES),
  label: z.string().trim().min(1).max(1000),
  helpText: z.string().trim().max(2000).default(''),
  isRequired: z.boolean().default(false),
  config: ZQuestionConfig.default({}),
  condition: ZQuestionCondition.nullable().default(null),
});
export type TQuestionInput = z.input<typeof ZQuestionInput>;

export const ZQuestionUpdate = z.strictObject({
  version: zInt(),
  sectionId: z.uuid().optional(),
  code: ZCode.optional(),
  type: z.enum(QUESTION_TYPES).optional(),
  label: z.string().trim().min(1).max(1000).optional(),
  helpText: z.string().trim().max(2000).optional(),
  isRequired: z.boolean().optional(),
  config: ZQuestionConfig.optional(),
  condition: ZQuestionCondition.nullable().optional(),
});
export type TQuestionUpdate = z.input<typeof ZQuestionUpdate>;

/** The new order: every section in order, each with its questions in order (questions may move between sections). */
export const ZSurveyReorder = z.strictObject({
  version: zInt(),
  sections: z.array(z.strictObject({ id: z.uuid(), questionIds: z.array(z.uuid()) })).min(1),
});
export type TSurveyReorder = z.input<typeof ZSurveyReorder>;

export const ZVersionQuery = z.strictObject({ version: zQueryInt() });

// ---- Invitations ----

export const ZInvitationFilter = z.strictObject({
  /** Only organizations that are members of the survey's district (default), else every organization of its area. */
  onlyDistrictMembers: z.boolean().default(true),
  kinds: z.array(z.enum(ORGANIZATION_KIND_CODES as [string, ...string[]])).max(30).default([]),
  sizeClasses: z.array(z.enum(['micro', 'small', 'medium', 'large'])).max(4).default([]),
  /** A hand-picked list instead of (or narrowing) the filter. */
  organizationIds: z.array(z.uuid()).max(5000).default([]),
});
export type TInvitationFilter = z.input<typeof ZInvitationFilter>;

export const ZInvitationCandidate = z.object({
  organizationId: z.string(),
  name: z.string(),
  kind: z.string(),
  sizeClass: z.string().nullable(),
  email: z.string().nullable(),
  alreadyInvited: z.boolean(),
});
export const ZInvitationCandidates = z.object({ items: z.array(ZInvitationCandidate) });

export const ZCreatedInvitation = z.object({
  invitationId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  email: z.string().nullable(),
  /** The personal link, shown this once: only its hash is stored. */
  link: z.string(),
  mailQueued: z.boolean(),
});
export const ZCreatedInvitations = z.object({ items: z.array(ZCreatedInvitation) });
export type TCreatedInvitation = z.infer<typeof ZCreatedInvitation>;

export const ZInvitation = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  kind: z.string(),
  email: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  mailStatus: z.enum(['none', 'queued', 'sent', 'failed']),
  responseStatus: z.enum(['none', 'in_progress', 'submitted']),
});
export const ZInvitationList = z.object({ items: z.array(ZInvitation) });
export type TInvitation = z.infer<typeof ZInvitation>;

export const ZLink = z.object({ link: z.string() });

// ---- Answering (public, token-authorized) ----

export const ZPublicQuestion = ZQuestion.omit({ answerCount: true, producesNeeds: true, sectionId: true, position: true });
export type TPublicQuestion = z.infer<typeof ZPublicQuestion>;

export const ZAnswerForm = z.object({
  survey: z.object({
    id: z.string(),
    title: z.string(),
    introduction: z.string(),
    privacyNotice: z.string(),
    closesOn: z.string().nullable(),
  }),
  sections: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), questions: z.array(ZPublicQuestion) })),
  /** Who answers: the invited organization's name; null for the public link. */
  organizationName: z.string().nullable(),
  /** 'open': answers accepted; 'closed' (status or date) or 'not_yet_open': read only. */
  state: z.enum(['open', 'closed', 'not_yet_open']),
  response: z
    .object({
      status: z.enum(['in_progress', 'submitted']),
      answers: z.record(z.string(), z.unknown()),
      submittedAt: z.string().nullable(),
      version: zInt(),
    })
    .nullable(),
});
export type TAnswerForm = z.infer<typeof ZAnswerForm>;

export const ZAnswerSave = z.strictObject({
  /** Answers by question id; the questions sent replace their stored answers (null clears), others are kept. */
  answers: z.record(z.uuid(), z.unknown()).default({}),
  /** Submit (or, once submitted, save the edit): every visible required question must then be answered. */
  submit: z.boolean().default(false),
  version: zInt().optional(),
});
export type TAnswerSave = z.input<typeof ZAnswerSave>;

export const ZAnswerSaved = z.object({
  status: z.enum(['in_progress', 'submitted']),
  answers: z.record(z.string(), z.unknown()),
  submittedAt: z.string().nullable(),
  version: zInt(),
  /** Public link only, on the first save: the token to resume this response (shown once). */
  resumeToken: z.string().nullable(),
  needCount: zInt(),
});
export type TAnswerSaved = z.infer<typeof ZAnswerSaved>;

export const ZMemberAnswerRequest = z.strictObject({ organizationId: z.uuid() });
/** The answer page's path for a signed-in member of the invited organization (a token of its own, shown once). */
export const ZMemberAnswerLink = z.object({ path: z.string() });
export type TMemberAnswerLink = z.infer<typeof ZMemberAnswerLink>;
