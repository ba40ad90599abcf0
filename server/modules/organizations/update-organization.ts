import { ZOrganizationUpdate, type TOrganizationProfile, type TOrganizationUpdate } from '../../../common/contracts/organizations';
import { actorLabel } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { loadProfile } from './get-organization';
import { auditedRow, columnsOf } from './organization-values';
import { OrganizationActions } from './organizations.policy';
import { duplicateFiscalCode, isUniqueViolation, organizationNotFound } from './organizations.errors';
import {
  insertVersionSnapshots,
  searchColumnsOf,
  selectOrganizationAccess,
  selectOrganizationIdByFiscalCode,
  selectOrganizationRow,
  updateOrganizationIfVersion,
} from './organizations.repository';

/**
 * Edits an organization (its admins, coordinators of its districts, platform admins). A stale `version` is a 409;
 * each saved state is kept as a version for the history on the profile.
 */
export async function updateOrganization(context: UseCaseContext, id: string, rawInput: TOrganizationUpdate): Promise<TOrganizationProfile> {
  assertCan(context.actor, OrganizationActions['organizations.edit-attempt']);
  const input = parseInput(ZOrganizationUpdate, rawInput);
  const access = await selectOrganizationAccess(context.db.orm, id);
  if (!access) throw organizationNotFound(id);
  assertCan(context.actor, OrganizationActions['organizations.update'], access);
  return inTransaction(context, async (tx) => {
    const before = await selectOrganizationRow(tx, id);
    if (!before || before.status === 'merged') throw organizationNotFound(id);
    const { version, ...fields } = input;
    if (fields.fiscalCode && fields.fiscalCode !== before.fiscalCode) {
      const existing = await selectOrganizationIdByFiscalCode(tx, fields.fiscalCode);
      if (existing && existing.id !== id) throw duplicateFiscalCode(fields.fiscalCode, existing);
    }
    const changes = columnsOf(fields);
    const merged = { ...before, ...changes };
    let after;
    try {
      after = await updateOrganizationIfVersion(tx, id, version, { ...changes, ...searchColumnsOf(merged) });
    } catch (error) {
      if (isUniqueViolation(error) && fields.fiscalCode) throw duplicateFiscalCode(fields.fiscalCode, { id: '', legalName: 'another organization' });
      throw error;
    }
    if (!after) throw staleVersion('organization', id, version, before.version);
    await insertVersionSnapshots(tx, [id], actorLabel(context.actor), 'updated');
    await recordAudit(tx, context, { action: 'organizations.update-organization', entityType: 'organization', entityId: id, before: auditedRow(before), after: auditedRow(after) });
    return loadProfile(tx, context.actor, id);
  });
}
