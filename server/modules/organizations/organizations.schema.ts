import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  legalName: text('legal_name').notNull(),
  shortName: text('short_name'),
  kind: text('kind').notNull(),
  sector: text('sector', { enum: ['public', 'third_sector', 'private', 'informal'] }).notNull(),
  municipalityCode: text('municipality_code'),
  description: text('description').notNull().default(''),
  isDemo: boolean('is_demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
