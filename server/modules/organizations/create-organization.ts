import { z } from 'zod';
import { ZOrganizationCreate } from '../../../common/contracts/organizations';
import { actorLabel } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { parseInput } from '../../platform/errors/parse-input';
import type { DbExecutor } from '../../platform/db/database';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { auditedRow, columnsOf } from './organization-values';
import { OrganizationActions } from './organizations.policy';
import { duplicateFiscalCode, isUniqueViolation } from './organizations.errors';
import {
  insertDuplicateFlags,
  insertOrganization,
  insertVersionSnapshots,
  selectOrganizationIdByFiscalCode,
  selectSimilarOrganizations,
  searchColumnsOf,
  type OrganizationRow,
} from './organizations.repository';

/** Names at least this similar (pg_trgm, 0-1) in the same municipality are flagged as probable duplicates. */
export const PROBABLE_DUPLICATE_SIMILARITY = 0.5;

export const ZCreateOrganizationInput = ZOrganizationCreate.extend({ isDemo: z.boolean().optional() });
export type CreateOrganizationInput = z.input<typeof ZCreateOrganizationInput>;

/**
 * Registers an organization. A fiscal code already registered is a 409 linking the first organization; without a
 * fiscal code, a similar name in the same municipality is created but flagged for a coordinator to merge.
 */
export async function createOrganization(
  context: UseCaseContext,
  rawInput: CreateOrganizationInput,
): Promise<OrganizationRow & { probableDuplicateIds: string[] }> {
  assertCan(context.actor, OrganizationActions['organizations.create']);
  const input = parseInput(ZCreateOrganizationInput, rawInput);
  return inTransaction(context, (tx) => insertNewOrganization(tx, context, input));
}

/**
 * The registration itself, inside the caller's transaction, for the use cases of this module that register an
 * organization as part of a larger write (register-and-invite-organization.ts); the caller checked the right.
 */
export async function insertNewOrganization(
  tx: DbExecutor,
  context: UseCaseContext,
  input: z.output<typeof ZCreateOrganizationInput>,
): Promise<OrganizationRow & { probableDuplicateIds: string[] }> {
  if (input.fiscalCode) {
    const existing = await selectOrganizationIdByFiscalCode(tx, input.fiscalCode);
    if (existing) throw duplicateFiscalCode(input.fiscalCode, existing);
  }
  const values = { ...columnsOf(input), legalName: input.legalName, kind: input.kind, isDemo: input.isDemo ?? false } as Parameters<typeof insertOrganization>[1];
  let organization: OrganizationRow;
  try {
    organization = await insertOrganization(tx, values);
  } catch (error) {
    // Two requests with the same code at once: the unique index decides, the loser gets the same 409.
    if (isUniqueViolation(error) && input.fiscalCode) throw duplicateFiscalCode(input.fiscalCode, { id: '', legalName: 'another organization' });
    throw error;
  }
  let probableDuplicateIds: string[] = [];
  if (!input.fiscalCode && input.municipalityCode) {
    const similar = await selectSimilarOrganizations(
      tx,
      { nameFolded: searchColumnsOf(input).nameFolded, municipalityCode: input.municipalityCode, excludeId: organization.id },
      PROBABLE_DUPLICATE_SIMILARITY,
    );
    await insertDuplicateFlags(tx, similar.map((s) => ({ organizationId: organization.id, candidateOrganizationId: s.id, similarity: s.similarity })));
    probableDuplicateIds = similar.map((s) => s.id);
  }
  await insertVersionSnapshots(tx, [organization.id], actorLabel(context.actor), 'created');
  await recordAudit(tx, context, {
    action: 'organizations.create-organization',
    entityType: 'organization',
    entityId: organization.id,
    after: { ...auditedRow(organization), probableDuplicateIds },
  });
  return { ...organization, probableDuplicateIds };
}
