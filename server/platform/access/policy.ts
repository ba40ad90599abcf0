import { AppError } from '../errors/app-error';
import type { Actor } from './actor';

/** A rule answers whether `actor` may perform one action on `resource`. */
export type PolicyRule<R = never> = (actor: Actor, resource: R) => boolean;

const rules = new Map<string, PolicyRule<unknown>>();

/**
 * Modules register their rules from their policy file (`districts.policy.ts`). An action nobody registered is
 * denied: access is deny-by-default.
 */
export function definePolicies<R extends Record<string, PolicyRule<never>>>(policies: R): { [K in keyof R]: K } {
  const names = {} as { [K in keyof R]: K };
  for (const [action, rule] of Object.entries(policies)) {
    if (rules.has(action)) throw new Error(`Policy for ${action} is defined twice`);
    rules.set(action, rule as PolicyRule<unknown>);
    (names as Record<string, string>)[action] = action;
  }
  return names;
}

export function can<R>(actor: Actor, action: string, resource?: R): boolean {
  const rule = rules.get(action);
  return rule ? rule(actor, resource) : false;
}

/** The first line of every use case. Throws 401 for anonymous visitors and 403 for signed-in users. */
export function assertCan<R>(actor: Actor, action: string, resource?: R): void {
  if (can(actor, action, resource)) return;
  if (actor.kind === 'anonymous') throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to do this', { action });
  throw new AppError('ACCESS.FORBIDDEN', `You are not allowed to ${action}`, { action });
}
