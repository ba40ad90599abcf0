import { boolean, date, integer, pgTable, pgView, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const districts = pgTable('districts', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  definition: text('definition').notNull().default(''),
  coordinatorOrganizationId: uuid('coordinator_organization_id'),
  /** Set when the district is defined as a zone of a reference zoning (migration 202611220210). */
  referenceZoneId: uuid('reference_zone_id'),
  isDemo: boolean('is_demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const districtMunicipalities = pgTable(
  'district_municipalities',
  {
    districtId: uuid('district_id').notNull(),
    municipalityCode: text('municipality_code').notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtId, table.municipalityCode] })],
);

export const districtMemberships = pgTable('district_memberships', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  role: text('role', { enum: ['coordinator', 'member', 'observer'] }).notNull(),
  startedOn: date('started_on').notNull().defaultNow(),
  endedOn: date('ended_on'),
  /** ADR 0020: invited (by the district) or requested (by the organization) until the other side accepts or declines. */
  status: text('status', { enum: ['invited', 'requested', 'accepted', 'declined', 'withdrawn'] }).notNull(),
  requestedBy: text('requested_by', { enum: ['district', 'organization'] }).notNull().default('district'),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decidedBy: text('decided_by'),
});

/**
 * The one definition of a current membership (migration 202612051000): accepted, started, not ended. Every check that
 * a membership grants something — private fields, edits, district scopes of needs, surveys, matching — reads this.
 */
export const CURRENT_DISTRICT_MEMBERSHIPS_VIEW = 'current_district_memberships';
export const currentDistrictMemberships = pgView(CURRENT_DISTRICT_MEMBERSHIPS_VIEW, {
  id: uuid('id').notNull(),
  districtId: uuid('district_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  role: text('role', { enum: ['coordinator', 'member', 'observer'] }).notNull(),
  startedOn: date('started_on').notNull(),
  endedOn: date('ended_on'),
}).existing();

export const districtBodies = pgTable('district_bodies', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull(),
  kind: text('kind', { enum: ['steering_group', 'assembly', 'working_group'] }).notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  startedOn: date('started_on').notNull().defaultNow(),
  endedOn: date('ended_on'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const districtBodyMembers = pgTable('district_body_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  bodyId: uuid('body_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  representativeName: text('representative_name').notNull().default(''),
  role: text('role', { enum: ['chair', 'member', 'secretary'] }).notNull(),
  startedOn: date('started_on').notNull().defaultNow(),
  endedOn: date('ended_on'),
});
