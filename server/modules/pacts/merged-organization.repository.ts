import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { OrganizationMerge } from '../../platform/organization-merge';

/** Per column of this module referring to organizations, how many rows refer to the organization. */
export async function countOrganizationRows(db: DbExecutor, organizationId: string): Promise<Record<string, number>> {
  const result = await db.execute<Record<string, number>>(sql`
    select (select count(*)::int from pact_signatures where organization_id = ${organizationId}) as "pact_signatures.organization_id",
           (select count(*)::int from pact_commitments where organization_id = ${organizationId}) as "pact_commitments.organization_id"`);
  return { ...result.rows[0]! };
}

/**
 * Signatures and commitments follow to the kept organization. Where both organizations signed the same version, the
 * kept one's signature stands and the merged one's is marked rejected with a note (the one-per-organization index
 * allows a rejected one beside it): the history keeps who signed, the pact counts the organization once.
 */
export async function moveOrganizationRowsToKept(db: DbExecutor, merge: OrganizationMerge): Promise<void> {
  const { keptOrganizationId: kept, mergedOrganizationId: merged } = merge;
  await db.execute(sql`
    update pact_signatures s set status = 'rejected', decision_note = 'organizzazione unita / merged organization', decided_at = now(), version = s.version + 1
    where s.organization_id = ${merged} and s.status <> 'rejected'
      and exists (select 1 from pact_signatures k where k.pact_version_id = s.pact_version_id and k.organization_id = ${kept} and k.status <> 'rejected')`);
  await db.execute(sql`update pact_signatures set organization_id = ${kept}, version = version + 1 where organization_id = ${merged}`);
  await db.execute(sql`update pact_commitments set organization_id = ${kept}, version = version + 1, updated_at = now() where organization_id = ${merged}`);
}
