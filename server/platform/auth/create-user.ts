import { z } from 'zod';
import type { Role } from '../../../common/domain/roles';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { findUserByEmail, insertGrant, insertUser } from './auth.repository';
import { assertStrongPassword, hashPassword } from './password';

export const ZCreateUserInput = z.strictObject({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  password: z.string(),
  locale: z.enum(['it', 'en']).default('it'),
  grants: z
    .array(
      z.object({
        role: z.enum(['platform_admin', 'evaluator', 'district_coordinator', 'organization_admin', 'organization_member']),
        districtId: z.uuid().nullable().optional(),
        organizationId: z.uuid().nullable().optional(),
      }),
    )
    .default([]),
});
export type CreateUserInput = z.input<typeof ZCreateUserInput>;

/** Creates a user account with its role grants (platform admins and the CLI operator only). */
export async function createUser(context: UseCaseContext, rawInput: CreateUserInput): Promise<{ id: string; email: string }> {
  assertCan(context.actor, AuthActions['users.create']);
  const input = parseInput(ZCreateUserInput, rawInput);
  assertStrongPassword(input.password, 'password', { email: input.email });
  if (await findUserByEmail(context.db.orm, input.email)) {
    throw new AppError('USERS.EMAIL_TAKEN', `A user with e-mail ${input.email} already exists`, {
      fields: [{ path: 'email', message: 'already in use' }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  return inTransaction(context, async (tx) => {
    const user = await insertUser(tx, { email: input.email, displayName: input.displayName, passwordHash, locale: input.locale });
    for (const grant of input.grants) {
      await insertGrant(tx, { userId: user.id, role: grant.role as Role, districtId: grant.districtId, organizationId: grant.organizationId });
    }
    await recordAudit(tx, context, {
      action: 'users.create-user',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, displayName: user.displayName, locale: user.locale, grants: input.grants },
    });
    return { id: user.id, email: user.email };
  });
}
