import type { DbExecutor } from '../../platform/db/database';
import { organizations } from './organizations.schema';

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

export async function insertOrganization(db: DbExecutor, values: NewOrganization): Promise<OrganizationRow> {
  const rows = await db.insert(organizations).values(values).returning();
  return rows[0]!;
}
