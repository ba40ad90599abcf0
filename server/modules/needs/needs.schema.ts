import { boolean, date, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Drizzle mirror of migrations/202611220420_needs.sql.
export const needs = pgTable('needs', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id'),
  organizationId: uuid('organization_id'),
  categoryCode: text('category_code').notNull(),
  targetGroup: text('target_group').notNull(),
  municipalityCode: text('municipality_code').notNull(),
  peopleCount: integer('people_count').notNull().default(1),
  relevance: smallint('relevance'),
  source: text('source', { enum: ['survey', 'manual'] }).notNull(),
  surveyResponseId: uuid('survey_response_id'),
  surveyQuestionId: uuid('survey_question_id'),
  surveyItemCode: text('survey_item_code'),
  description: text('description').notNull().default(''),
  expressedOn: date('expressed_on').notNull(),
  status: text('status', { enum: ['open', 'answered_by_service', 'answered_by_project', 'closed'] }).notNull().default('open'),
  answeredByServiceId: uuid('answered_by_service_id'),
  isDemo: boolean('is_demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
