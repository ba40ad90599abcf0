import { ZOrganizationRegisterAndInvite, type TOrganizationProfile, type TOrganizationRegisterAndInvite } from '../../../common/contracts/organizations';
import { assertCan } from '../../platform/access/policy';
import { findAccountByEmail } from '../../platform/auth/invited-account';
import { createOrganizationAdminAccount } from '../../platform/auth/organization-admin-account';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { inviteToOrganization } from '../invitations';
import { insertNewOrganization } from './create-organization';
import { loadProfile } from './get-organization';
import { proposeMembershipIn } from './manage-district-membership';
import { OrganizationActions } from './organizations.policy';

/**
 * A district's coordinator (or a platform admin) registers an organization that is not in the registry yet and
 * invites it to the district in one transaction: all or nothing. The invitation waits for the organization's admins
 * like any other (ADR 0020): until they accept, the district sees only its public fields. So that someone can accept,
 * `adminEmail` names its admin: a person who already has an account is invited to become it (mailed a link to accept:
 * nobody gets a role without saying yes); otherwise an account is created for that address without a password, given
 * the role and mailed (after commit, through the outbox) a link to choose the password, built on `baseUrl`.
 */
export async function registerAndInviteOrganization(context: UseCaseContext, rawInput: TOrganizationRegisterAndInvite, options: { baseUrl: string }): Promise<TOrganizationProfile> {
  assertCan(context.actor, OrganizationActions['organizations.create']);
  const input = parseInput(ZOrganizationRegisterAndInvite, rawInput);
  assertCan(context.actor, OrganizationActions['organizations.register-and-invite'], { districtId: input.districtId });
  return inTransaction(context, async (tx) => {
    const organization = await insertNewOrganization(tx, context, input.organization);
    // Nobody administers an organization registered a moment ago: the district invites, its future admins answer.
    await proposeMembershipIn(tx, context, organization.id, { districtId: input.districtId, role: input.role }, { requestedBy: 'district', isAcceptedAtOnce: context.actor.kind === 'system' });
    const organizationName = organization.shortName ?? organization.legalName;
    const account = await findAccountByEmail(tx, input.adminEmail);
    if (account) {
      // Someone who already has an account is asked, not appointed: the role is theirs once they accept (ADR 0020).
      await inviteToOrganization(tx, context, {
        organization: { id: organization.id, name: organizationName, districtId: input.districtId },
        email: account.email,
        role: 'organization_admin',
        baseUrl: options.baseUrl,
      });
    } else {
      await createOrganizationAdminAccount(tx, context, {
        email: input.adminEmail,
        organizationId: organization.id,
        organizationName,
        locale: 'it',
        baseUrl: options.baseUrl,
      });
    }
    return loadProfile(tx, context.actor, organization.id);
  });
}
