import { holdsOrganizationRole } from '../../platform/auth/people';
import { ZPersonRoleCreate, type TOrganizationProfile, type TPersonRoleCreate } from '../../../common/contracts/organizations';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError, notFound } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { loadProfile } from './get-organization';
import { OrganizationActions } from './organizations.policy';
import { organizationNotFound } from './organizations.errors';
import { insertPerson, insertPersonRole, selectOrganizationAccess, selectPerson } from './organizations.repository';

/** Gives a person (new, or an existing one by id) a role in an organization: legal representative, contact, member. */
export async function addPersonRole(context: UseCaseContext, organizationId: string, rawInput: TPersonRoleCreate): Promise<TOrganizationProfile> {
  assertCan(context.actor, OrganizationActions['organizations.edit-attempt']);
  const input = parseInput(ZPersonRoleCreate, rawInput);
  const access = await selectOrganizationAccess(context.db.orm, organizationId);
  if (!access) throw organizationNotFound(organizationId);
  assertCan(context.actor, OrganizationActions['organizations.update'], access);
  if (!input.personId && !input.fullName) throw fieldError('fullName', 'required when personId is not given');
  if (input.endedOn && input.startedOn && input.endedOn < input.startedOn) throw fieldError('endedOn', 'must not be before startedOn');
  return inTransaction(context, async (tx) => {
    // Only an account of the organization: a legal representative's account signs pacts in its name.
    if (input.userId && !(await holdsOrganizationRole(tx, input.userId, organizationId))) throw fieldError('userId', 'must be an account of the organization');
    const person = input.personId
      ? await selectPerson(tx, input.personId)
      : await insertPerson(tx, { fullName: input.fullName!, email: input.email ?? null, phone: input.phone ?? null, userId: input.userId ?? null });
    if (!person) throw notFound('person', input.personId!);
    const role = await insertPersonRole(tx, {
      personId: person.id, organizationId, role: input.role, ...(input.startedOn ? { startedOn: input.startedOn } : {}), endedOn: input.endedOn ?? null,
    });
    await recordAudit(tx, context, { action: 'organizations.add-person-role', entityType: 'organization', entityId: organizationId, after: { person, role } });
    return loadProfile(tx, context.actor, organizationId);
  });
}
