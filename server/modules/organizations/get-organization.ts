import { peopleOfOrganizations } from '../../platform/auth/people';
import { recordAccess } from '../../platform/audit/audit';
import type { TOrganizationProfile } from '../../../common/contracts/organizations';
import type { Actor } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import type { DbExecutor } from '../../platform/db/database';
import type { UseCaseContext } from '../../platform/use-case';
import { changedFields } from './organization-values';
import {
  canAnswerMembership,
  canAnswerRelationship,
  canEditOrganization,
  canEndMembership,
  canSeeMembershipProposal,
  canSeePrivateFields,
  canSeeRelationshipProposal,
  canWithdrawMembership,
  OrganizationActions,
} from './organizations.policy';
import { organizationNotFound } from './organizations.errors';
import {
  selectOrganizationAccess,
  selectOrganizationDistricts,
  selectOrganizationPeople,
  selectOrganizationRelationships,
  selectOrganizationRow,
  selectOrganizationSummary,
  selectOrganizationVersions,
} from './organizations.repository';

/** Snapshot keys that are private: the history names them only to those who may read them. */
const PRIVATE_SNAPSHOT_KEYS = new Set(['phone', 'notes']);

/** Accepted memberships for everyone; proposals (pending, declined, withdrawn) for the two parties only (ADR 0020). */
async function profileDistricts(db: DbExecutor, actor: Actor, id: string): Promise<TOrganizationProfile['districts']> {
  const rows = await selectOrganizationDistricts(db, id);
  return rows
    .filter((row) => row.status === 'accepted' || canSeeMembershipProposal(actor, { districtId: row.id, organizationId: id }))
    .map((row) => {
      const parties = { districtId: row.id, organizationId: id, requestedBy: row.requested_by };
      const isPending = row.status === 'invited' || row.status === 'requested';
      return {
        membershipId: row.membership_id, id: row.id, name: row.name, role: row.role, startedOn: row.started_on, endedOn: row.ended_on, status: row.status,
        canAnswer: isPending && canAnswerMembership(actor, parties),
        canWithdraw: isPending && canWithdrawMembership(actor, parties),
        canEnd: row.status === 'accepted' && row.ended_on === null && canEndMembership(actor, parties),
      };
    });
}

/** Confirmed relationships for everyone; unconfirmed ones for the two organizations only (ADR 0020). */
async function profileRelationships(db: DbExecutor, actor: Actor, id: string): Promise<TOrganizationProfile['relationships']> {
  const rows = await selectOrganizationRelationships(db, id);
  return rows
    .filter((row) => row.status === 'confirmed' || canSeeRelationshipProposal(actor, { fromOrganizationId: row.from_organization_id, toOrganizationId: row.to_organization_id }))
    .map((row) => ({
      id: row.id, direction: row.direction, kind: row.kind, organization: { id: row.other_id, name: row.other_name }, startedOn: row.started_on, endedOn: row.ended_on,
      status: row.status,
      canAnswer: row.status === 'pending' && canAnswerRelationship(actor, { toOrganizationId: row.to_organization_id }),
    }));
}

export async function loadProfile(db: DbExecutor, actor: Actor, id: string): Promise<TOrganizationProfile> {
  const [row, summary, access] = [await selectOrganizationRow(db, id), await selectOrganizationSummary(db, id), await selectOrganizationAccess(db, id)];
  if (!row || !summary || !access) throw organizationNotFound(id);
  const mayReadPrivate = canSeePrivateFields(actor, access);
  const canEdit = row.status !== 'merged' && canEditOrganization(actor, access);
  const versions = await selectOrganizationVersions(db, id);
  // The first version is the creation (by hand, by an import or from the territory): it changed no field.
  const history = versions.map((entry, index) => {
    const previous = versions[index + 1]?.snapshot ?? null;
    const fields = changedFields(previous, entry.snapshot).filter((key) => mayReadPrivate || !PRIVATE_SNAPSHOT_KEYS.has(key));
    return { version: entry.version, change: entry.change, changedAt: entry.changedAt, changedFields: previous === null ? [] : fields, changedBy: mayReadPrivate ? entry.changedBy : null };
  });
  return {
    ...summary,
    description: row.description,
    address: row.address,
    postalCode: row.postalCode,
    mergedIntoId: row.mergedIntoId,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    districts: await profileDistricts(db, actor, id),
    relationships: await profileRelationships(db, actor, id),
    history,
    canEdit,
    private: mayReadPrivate
      ? {
          phone: row.phone,
          notes: row.notes,
          people: await selectOrganizationPeople(db, id),
          accounts: canEdit ? (await peopleOfOrganizations(db, [id])).map((person) => ({ userId: person.userId, name: person.name })) : [],
        }
      : null,
  };
}

/**
 * An organization's profile: public fields for everyone; phone, notes and people only for its members, the
 * coordinators of its districts and platform admins (`private` is null for everybody else).
 */
export async function getOrganization(context: UseCaseContext, id: string): Promise<TOrganizationProfile> {
  assertCan(context.actor, OrganizationActions['organizations.read'], { id });
  const profile = await loadProfile(context.db.orm, context.actor, id);
  if (profile.private) await recordAccess(context, { action: 'organizations.read-private-fields', entityType: 'organization', entityId: id });
  return profile;
}
