import { z } from 'zod';
import { ORGANIZATION_KINDS, ORGANIZATION_KIND_CODES } from '../../../common/domain/organizations';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { OrganizationActions } from './organizations.policy';
import { insertOrganization, type OrganizationRow } from './organizations.repository';

export const ZCreateOrganizationInput = z.strictObject({
  legalName: z.string().trim().min(2).max(300),
  shortName: z.string().trim().max(100).nullable().optional(),
  kind: z.enum(ORGANIZATION_KIND_CODES as [string, ...string[]]),
  municipalityCode: z.string().regex(/^\d{6}$/).nullable().optional(),
  description: z.string().max(5000).optional(),
  isDemo: z.boolean().optional(),
});
export type CreateOrganizationInput = z.input<typeof ZCreateOrganizationInput>;

/** Registers an organization; its sector follows from its kind so the two can never disagree. */
export async function createOrganization(context: UseCaseContext, rawInput: CreateOrganizationInput): Promise<OrganizationRow> {
  assertCan(context.actor, OrganizationActions['organizations.create']);
  const input = parseInput(ZCreateOrganizationInput, rawInput);
  const sector = ORGANIZATION_KINDS[input.kind as keyof typeof ORGANIZATION_KINDS];
  return inTransaction(context, async (tx) => {
    const organization = await insertOrganization(tx, {
      legalName: input.legalName,
      shortName: input.shortName ?? null,
      kind: input.kind,
      sector,
      municipalityCode: input.municipalityCode ?? null,
      description: input.description ?? '',
      isDemo: input.isDemo ?? false,
    });
    await recordAudit(tx, context, {
      action: 'organizations.create',
      entityType: 'organization',
      entityId: organization.id,
      after: organization,
    });
    return organization;
  });
}
