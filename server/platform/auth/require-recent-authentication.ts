import type { Actor } from '../access/actor';
import { AppError } from '../errors/app-error';

/**
 * Sensitive acts (a password change, role grants, TOTP set-up, a pact's signature) need the password proven within
 * the last DISTRETTO_REAUTHENTICATION_MINUTES in this session, not just a session cookie that may be hours old on a
 * shared computer. The web app answers AUTH.REAUTHENTICATION_REQUIRED by asking the password
 * (POST /api/auth/reauthenticate) and retrying. The CLI operator (system actor) has a shell on the server already.
 */
export function requireRecentAuthentication(actor: Actor): void {
  if (actor.kind === 'system') return;
  if (actor.kind === 'user' && actor.isRecentlyAuthenticated === true) return;
  throw new AppError('AUTH.REAUTHENTICATION_REQUIRED', 'Confirm your password to continue');
}
