import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import { moveMunicipalityCodeRows, type MunicipalityCodesHook } from '../../platform/municipality-code-moves';
import { moveOrganizationRows, type OrganizationMerge, type OrganizationMergeHook } from '../../platform/organization-merge';

/** Per column of this module referring to organizations, how many rows refer to the organization. */
async function countOrganizationRows(db: DbExecutor, organizationId: string): Promise<Record<string, number>> {
  const result = await db.execute<Record<string, number>>(sql`
    select (select count(*)::int from working_group_members where organization_id = ${organizationId}) as "working_group_members.organization_id",
           (select count(*)::int from group_actions where owner_organization_id = ${organizationId}) as "group_actions.owner_organization_id"`);
  return { ...result.rows[0]! };
}

/** A member keeps representing the kept organization (a person is once per group whatever the organization: no collision). */
async function moveOrganizationRowsToKept(db: DbExecutor, merge: OrganizationMerge): Promise<void> {
  const { keptOrganizationId: kept, mergedOrganizationId: merged } = merge;
  await db.execute(sql`update working_group_members set organization_id = ${kept}, version = version + 1 where organization_id = ${merged}`);
  await db.execute(sql`update group_actions set owner_organization_id = ${kept}, version = version + 1, updated_at = now() where owner_organization_id = ${merged}`);
}

/** The groups module's part of an organization merge: members and action owners follow to the kept organization. */
export const moveMergedOrganization: OrganizationMergeHook = (tx, merge, context) =>
  moveOrganizationRows(tx, merge, context, 'groups.move-merged-organization', { count: countOrganizationRows, move: moveOrganizationRowsToKept });

/** After a territory import: a meeting's municipality follows a suppressed code to its successor (version bumped). */
export const moveMunicipalityCodes: MunicipalityCodesHook = (tx, moves, context) =>
  moveMunicipalityCodeRows(tx, moves, context, 'groups.move-municipality-codes', [{ table: 'group_meetings', column: 'municipality_code', versioned: true }]);
