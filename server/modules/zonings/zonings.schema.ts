import { boolean, date, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Typed mirrors of migrations/202611220200_zonings.sql and 202612070200_zone_splits_and_sources.sql, for queries only: the SQL file is the source of truth.

export const zonings = pgTable('zonings', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  domain: text('domain', { enum: ['health', 'social_assistance', 'employment', 'education', 'other'] }).notNull(),
  source: text('source').notNull().default(''),
  referenceDate: date('reference_date'),
  description: text('description').notNull().default(''),
  coverage: text('coverage', { enum: ['partition', 'partial'] }).notNull(),
  regionCodes: text('region_codes').array().notNull().default([]),
  isDemo: boolean('is_demo').notNull().default(false),
  licence: text('licence').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const zones = pgTable('zones', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoningId: uuid('zoning_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  operatingOrganizationId: uuid('operating_organization_id'),
  nameIsDerived: boolean('name_is_derived').notNull().default(false),
  version: integer('version').notNull().default(1),
});

export const zoneMunicipalities = pgTable(
  'zone_municipalities',
  {
    zoningId: uuid('zoning_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    share: doublePrecision('share'),
    partNote: text('part_note').notNull().default(''),
  },
  (table) => [primaryKey({ columns: [table.zoneId, table.municipalityCode] })],
);
