import { boolean, date, doublePrecision, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { QuestionCondition, QuestionConfig, QuestionType, SurveyStatus } from '../../../common/domain/surveys';

// Drizzle mirror of migrations/202611220400_surveys.sql.
export const surveys = pgTable('surveys', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id'),
  regionCode: text('region_code'),
  title: text('title').notNull(),
  introduction: text('introduction').notNull().default(''),
  privacyNotice: text('privacy_notice').notNull().default(''),
  opensOn: date('opens_on'),
  closesOn: date('closes_on'),
  status: text('status').$type<SurveyStatus>().notNull().default('draft'),
  publicLinkTokenHash: text('public_link_token_hash'),
  needsPeopleQuestionId: uuid('needs_people_question_id'),
  needsMunicipalityQuestionId: uuid('needs_municipality_question_id'),
  needsMinRelevance: smallint('needs_min_relevance').notNull().default(3),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const surveySections = pgTable('survey_sections', {
  id: uuid('id').primaryKey().defaultRandom(),
  surveyId: uuid('survey_id').notNull(),
  position: integer('position').notNull(),
  title: text('title').notNull().default(''),
  description: text('description').notNull().default(''),
});

export const surveyQuestions = pgTable('survey_questions', {
  id: uuid('id').primaryKey().defaultRandom(),
  surveyId: uuid('survey_id').notNull(),
  sectionId: uuid('section_id').notNull(),
  position: integer('position').notNull(),
  code: text('code').notNull(),
  type: text('type').$type<QuestionType>().notNull(),
  label: text('label').notNull(),
  helpText: text('help_text').notNull().default(''),
  isRequired: boolean('is_required').notNull().default(false),
  config: jsonb('config').$type<QuestionConfig>().notNull().default({}),
  condition: jsonb('condition').$type<QuestionCondition | null>(),
  producesNeeds: boolean('produces_needs').notNull().default(false),
  removedAt: timestamp('removed_at', { withTimezone: true }),
});

export const surveyInvitations = pgTable('survey_invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  surveyId: uuid('survey_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  email: text('email'),
  tokenHash: text('token_hash').notNull(),
  /** The token issued to a signed-in member of the organization from their home (the mailed one stays valid). */
  memberTokenHash: text('member_token_hash'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const surveyResponses = pgTable('survey_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  surveyId: uuid('survey_id').notNull(),
  invitationId: uuid('invitation_id'),
  organizationId: uuid('organization_id'),
  resumeTokenHash: text('resume_token_hash'),
  status: text('status').$type<'in_progress' | 'submitted'>().notNull().default('in_progress'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const surveyAnswers = pgTable('survey_answers', {
  responseId: uuid('response_id').notNull(),
  questionId: uuid('question_id').notNull(),
  itemCode: text('item_code').notNull().default(''),
  choiceCode: text('choice_code'),
  numberValue: doublePrecision('number_value'),
  textValue: text('text_value'),
});
