import { boolean, date, doublePrecision, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  fiscalCode: text('fiscal_code'),
  vatNumber: text('vat_number'),
  sizeClass: text('size_class', { enum: ['micro', 'small', 'medium', 'large'] }),
  activityCode: text('activity_code'),
  address: text('address'),
  postalCode: text('postal_code'),
  pointLat: doublePrecision('point_lat'),
  pointLng: doublePrecision('point_lng'),
  website: text('website'),
  email: text('email'),
  pec: text('pec'),
  phone: text('phone'),
  notes: text('notes').notNull().default(''),
  tags: text('tags').array().notNull().default([]),
  status: text('status', { enum: ['active', 'dissolved', 'merged'] }).notNull().default('active'),
  mergedIntoId: uuid('merged_into_id'),
  nameFolded: text('name_folded').notNull().default(''),
  searchDocument: text('search_document').notNull().default(''),
  /** The public list the record was loaded from ("Agenzia delle Entrate – elenchi 5x1000 2022 (onData)"), if any. */
  source: text('source'),
  // search_vector (a stored generated tsvector over search_document) is only used in SQL: not mapped here.
});

export const organizationVersions = pgTable(
  'organization_versions',
  {
    organizationId: uuid('organization_id').notNull(),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changedBy: text('changed_by').notNull(),
    change: text('change').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.version] })],
);

export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  fullName: text('full_name').notNull(),
  email: text('email'),
  phone: text('phone'),
  userId: uuid('user_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const personRoles = pgTable('person_roles', {
  id: uuid('id').primaryKey().defaultRandom(),
  personId: uuid('person_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  role: text('role', { enum: ['legal_representative', 'contact', 'member'] }).notNull(),
  startedOn: date('started_on').notNull().defaultNow(),
  endedOn: date('ended_on'),
});

export const organizationRelationships = pgTable('organization_relationships', {
  id: uuid('id').primaryKey().defaultRandom(),
  fromOrganizationId: uuid('from_organization_id').notNull(),
  toOrganizationId: uuid('to_organization_id').notNull(),
  kind: text('kind', { enum: ['consortium_member', 'network_of_firms', 'tutoring', 'supplier'] }).notNull(),
  startedOn: date('started_on').notNull().defaultNow(),
  endedOn: date('ended_on'),
  /** ADR 0020: public once the organization it names (`to`) confirmed it. */
  status: text('status', { enum: ['pending', 'confirmed', 'declined'] }).notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decidedBy: text('decided_by'),
});

export const organizationDuplicateFlags = pgTable('organization_duplicate_flags', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  candidateOrganizationId: uuid('candidate_organization_id').notNull(),
  similarity: real('similarity').notNull(),
  status: text('status', { enum: ['open', 'merged', 'dismissed'] }).notNull().default('open'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organizationImports = pgTable('organization_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  contentSha256: text('content_sha256').notNull(),
  mapping: jsonb('mapping').notNull(),
  totalRows: integer('total_rows').notNull(),
  batchSize: integer('batch_size').notNull(),
  nextRow: integer('next_row').notNull().default(0),
  createdCount: integer('created_count').notNull().default(0),
  updatedCount: integer('updated_count').notNull().default(0),
  flaggedCount: integer('flagged_count').notNull().default(0),
  rejected: jsonb('rejected').notNull().default([]),
  status: text('status', { enum: ['running', 'completed', 'failed'] }).notNull().default('running'),
  error: text('error'),
  startedBy: text('started_by').notNull(),
  /** Who may read the report (with platform admins): its rejected-row reasons quote cell values. */
  startedByUserId: uuid('started_by_user_id'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  source: text('source'),
  /** For files without a kind column: the kind confirmed for each inference reason (the review step's groups). */
  kindChoices: jsonb('kind_choices'),
  kindInferredCount: integer('kind_inferred_count').notNull().default(0),
  notes: jsonb('notes').notNull().default([]),
});
