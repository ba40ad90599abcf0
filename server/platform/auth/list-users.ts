import { ZUserListQuery, type TUserList } from '../../../common/contracts/auth';
import { assertCan } from '../access/policy';
import { recordAccess } from '../audit/audit';
import { parseInput } from '../errors/parse-input';
import type { UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { selectGrantsOfUsers, selectUsers } from './auth.repository';

/** Users with their role grants, searched by name or e-mail (platform administrators only). */
export async function listUsers(context: UseCaseContext, rawQuery: unknown): Promise<TUserList> {
  assertCan(context.actor, AuthActions['users.list']);
  const query = parseInput(ZUserListQuery, rawQuery);
  const page = await selectUsers(context.db.orm, { q: query.q || null, limit: query.limit, offset: query.offset });
  const grants = await selectGrantsOfUsers(context.db.orm, page.rows.map((row) => row.id));
  await recordAccess(context, { action: 'users.list-users', entityType: 'user', entityId: 'all', details: { q: query.q ?? null, served: page.rows.length } });
  return {
    total: page.total,
    items: page.rows.map((row) => ({
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      isActive: row.isActive,
      hasTotp: row.hasTotp,
      version: row.version,
      grants: grants
        .filter((grant) => grant.user_id === row.id)
        .map((grant) => ({
          id: grant.id,
          role: grant.role,
          districtId: grant.district_id,
          organizationId: grant.organization_id,
          scopeName: grant.scope_name,
        })),
    })),
  };
}
