import { definePolicies } from '../access/policy';
import { isPlatformAdmin, type Actor } from '../access/actor';

/** Administrators and coordinators may protect their account with TOTP (issue 11); others have no use for it yet. */
export function mayUseTotp(actor: Actor): boolean {
  return isPlatformAdmin(actor) || (actor.kind === 'user' && actor.grants.some((grant) => grant.role === 'district_coordinator'));
}

export const AuthActions = definePolicies({
  /** Anyone may try to sign in; the use case checks the password. */
  'auth.login': () => true,
  'auth.logout': (actor) => actor.kind === 'user',
  'auth.reauthenticate': (actor) => actor.kind === 'user',
  'auth.change_password': (actor) => actor.kind === 'user',
  /** Everyone signed in chooses their own language, and only their own. */
  'auth.set_locale': (actor) => actor.kind === 'user',
  /** Anyone may ask for a reset link or use one: the link is the proof. */
  'auth.request_password_reset': () => true,
  'auth.reset_password': () => true,
  'auth.totp.enrol': (actor) => actor.kind === 'user' && mayUseTotp(actor),
  /** Whoever has TOTP may turn it off (after re-authentication), even if they lost the role that offered it. */
  'auth.totp.disable': (actor) => actor.kind === 'user',
  'users.create': (actor) => isPlatformAdmin(actor),
  'users.list': (actor) => isPlatformAdmin(actor) && actor.kind === 'user',
  'users.grant_role': (actor) => isPlatformAdmin(actor),
  'users.revoke_role': (actor) => isPlatformAdmin(actor),
  'users.set_active': (actor) => isPlatformAdmin(actor),
});
