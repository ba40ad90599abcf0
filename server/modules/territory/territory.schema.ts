import { bigint, date, doublePrecision, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { TTerritoryImportReport } from '../../../common/contracts/territory';
import type { MunicipalityVariationReason } from './municipality-code-history';
import type { Bbox, BoundaryGeometry } from './territory-source';

// Typed mirrors of migrations/202611220020_territory.sql, for queries only: the SQL file is the schema's source of
// truth (collations, checks and index operator classes live there, not here).

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  bbox: doublePrecision('bbox').array().$type<Bbox>(),
});

export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  abbreviation: text('abbreviation').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  bbox: doublePrecision('bbox').array().$type<Bbox>(),
});

export const municipalities = pgTable('municipalities', {
  istatCode: text('istat_code').primaryKey(),
  name: text('name').notNull(),
  nameFolded: text('name_folded').notNull(),
  cadastralCode: text('cadastral_code'),
  provinceCode: text('province_code')
    .notNull()
    .references(() => provinces.code),
  population: integer('population'),
  pointLat: doublePrecision('point_lat'),
  pointLng: doublePrecision('point_lng'),
  bbox: doublePrecision('bbox').array().$type<Bbox>(),
  boundary: jsonb('boundary').$type<BoundaryGeometry>(),
  reconciliationNote: text('reconciliation_note'),
  fiscalCode: text('fiscal_code'),
});

/** Mirror of migrations/202612070100_municipality_code_variations.sql. */
export const municipalityCodeVariations = pgTable('municipality_code_variations', {
  suppressedCode: text('suppressed_code').primaryKey(),
  suppressedName: text('suppressed_name').notNull(),
  provinceCode: text('province_code').notNull(),
  ceasedOn: date('ceased_on', { mode: 'string' }),
  successorCode: text('successor_code'),
  successorName: text('successor_name'),
  reason: text('reason').$type<MunicipalityVariationReason>().notNull(),
});

export const territoryImports = pgTable('territory_imports', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  report: jsonb('report').$type<TTerritoryImportReport>().notNull(),
});
