import { ZLocaleChange, type TLocaleChange } from '../../../common/contracts/auth';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { updateUserLocale } from './auth.repository';

/**
 * The signed-in user chooses the language they read Distretto in ('it' or 'en'): the web app switches to it at
 * sign-in, and every mail to their address is written in it from now on (platform/mail/recipient-language.ts).
 */
export async function setMyLocale(context: UseCaseContext, rawInput: unknown): Promise<TLocaleChange> {
  assertCan(context.actor, AuthActions['auth.set_locale']);
  const input = parseInput(ZLocaleChange, rawInput);
  if (context.actor.kind !== 'user') throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to do this');
  const userId = context.actor.userId;
  return inTransaction(context, async (tx) => {
    const changed = await updateUserLocale(tx, userId, input.locale);
    if (!changed) throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to do this');
    await recordAudit(tx, context, { action: 'auth.set-locale', entityType: 'user', entityId: userId, before: { locale: changed.before }, after: { locale: input.locale } });
    return { locale: input.locale };
  });
}
