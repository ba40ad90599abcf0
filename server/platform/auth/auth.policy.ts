import { definePolicies } from '../access/policy';
import { isPlatformAdmin } from '../access/actor';

export const AuthActions = definePolicies({
  /** Anyone may try to sign in; the use case checks the password. */
  'auth.login': () => true,
  'auth.logout': (actor) => actor.kind === 'user',
  'users.create': (actor) => isPlatformAdmin(actor),
  'users.grant_role': (actor) => isPlatformAdmin(actor),
});
