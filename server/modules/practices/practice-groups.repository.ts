import { sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';

// The working groups a practice names (issue 15), read through the groups module's published view working_group_names:
// their names and status here; whether a reader may open a group's page is the groups module's rule (readableGroupIds).

export interface LinkedGroupRow {
  id: string;
  name: string;
  status: 'forming' | 'active' | 'closed';
}

/** The groups a practice names, by name, as a JSON array (null when none): a column of the practice's row. */
export function linkedGroupsSql(practiceId: SQL): SQL {
  return sql`(select json_agg(json_build_object('id', g.id, 'name', g.name, 'status', g.status) order by g.name, g.id)
     from practice_groups pg join working_group_names g on g.id = pg.group_id
    where pg.practice_id = ${practiceId})`;
}

/** Whether the practice names the group (the search's `groupId` filter). */
export function practiceOfGroupSql(practiceId: SQL, groupId: string): SQL {
  return sql`exists (select 1 from practice_groups pg where pg.practice_id = ${practiceId} and pg.group_id = ${groupId}::uuid)`;
}

/** The ids among `ids` that name a working group of the district (closed ones included). */
export async function selectGroupIdsOfDistrict(db: DbExecutor, districtId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ id: string }>(sql`
    select id from working_group_names where district_id = ${districtId}::uuid and id = any(${sql.param(ids)}::uuid[])`);
  return result.rows.map((row) => row.id);
}

/** Replaces the working groups a practice names. */
export async function replaceLinkedGroups(tx: DbExecutor, practiceId: string, groupIds: string[]): Promise<void> {
  await tx.execute(sql`delete from practice_groups where practice_id = ${practiceId}`);
  if (groupIds.length === 0) return;
  await tx.execute(sql`
    insert into practice_groups (practice_id, group_id)
    select ${practiceId}, unnest(${sql.param(groupIds)}::uuid[])`);
}

/** The demo group's id by name in the demo district (for the demo seed), or null. */
export async function selectDemoGroupId(db: DbExecutor, districtId: string, name: string): Promise<string | null> {
  const result = await db.execute<{ id: string }>(sql`
    select id from working_group_names where district_id = ${districtId}::uuid and name = ${name} and is_demo limit 1`);
  return result.rows[0]?.id ?? null;
}
