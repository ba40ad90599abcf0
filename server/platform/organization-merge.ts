import type { AuditAction } from '../../common/contracts/audit-action-catalog';
import type { DbExecutor } from './db/database';
import { recordAudit } from './audit/audit';
import type { UseCaseContext } from './use-case';

/** The two organizations of a merge: every row of the merged one moves to the kept one. */
export interface OrganizationMerge {
  keptOrganizationId: string;
  mergedOrganizationId: string;
}

/**
 * What a module's merge hook did, per `table.column` that refers to organizations: how many rows referred to the
 * merged organization before the merge (each one now refers to the kept organization, or was folded into the kept
 * organization's own row when the two would collide). Every column the module owns is listed, 0 included, so a test
 * can tell a column nobody moves from one that had no rows.
 */
export type MergeReport = Record<string, number>;

/**
 * A module's part of an organization merge (ModuleManifest.mergeOrganization): it moves its own rows inside the
 * merge's transaction, bumps the version of the rows it updates and records one audit entry with its counts before
 * and after. Access was checked by the organizations module's use case before the transaction began.
 */
export type OrganizationMergeHook = (tx: DbExecutor, merge: OrganizationMerge, context: UseCaseContext) => Promise<MergeReport>;

// The organizations module cannot import the modules that refer to it: the composition root (server/app.ts) and
// createHttpServer register their manifests' hooks here, as they subscribe events (events.ts). Keyed by module name,
// so registering twice is harmless.
const hooks = new Map<string, OrganizationMergeHook>();

export function registerOrganizationMergeHook(moduleName: string, hook: OrganizationMergeHook): void {
  hooks.set(moduleName, hook);
}

/** Runs every registered module's hook in the caller's transaction, in registration (manifest) order. */
export async function runOrganizationMergeHooks(tx: DbExecutor, merge: OrganizationMerge, context: UseCaseContext): Promise<MergeReport> {
  const report: MergeReport = {};
  for (const hook of hooks.values()) Object.assign(report, await hook(tx, merge, context));
  return report;
}

/** How a module counts and moves its rows referring to organizations (SQL in its repository). */
export interface OrganizationRowsMover {
  /** Per `table.column` the module owns, how many rows refer to the organization. */
  count: (db: DbExecutor, organizationId: string) => Promise<Record<string, number>>;
  /** Moves every row of the merged organization to the kept one (versions bumped, collisions folded). */
  move: (db: DbExecutor, merge: OrganizationMerge) => Promise<void>;
}

/**
 * The shape every module hook shares: counts before, the module's move, counts after, one audit entry (`action`, on the
 * kept organization) with both organizations' counts before and after. A move that leaves a row behind fails the
 * merge rather than leave the tombstone holding data nobody sees.
 */
export async function moveOrganizationRows(
  tx: DbExecutor, merge: OrganizationMerge, context: UseCaseContext, action: AuditAction, mover: OrganizationRowsMover,
): Promise<MergeReport> {
  const before = { merged: await mover.count(tx, merge.mergedOrganizationId), kept: await mover.count(tx, merge.keptOrganizationId) };
  if (Object.values(before.merged).every((count) => count === 0)) return before.merged;
  await mover.move(tx, merge);
  const after = { merged: await mover.count(tx, merge.mergedOrganizationId), kept: await mover.count(tx, merge.keptOrganizationId) };
  const left = Object.entries(after.merged).filter(([, count]) => count > 0);
  if (left.length > 0) throw new Error(`${action} left rows with the merged organization: ${left.map(([column]) => column).join(', ')}`);
  await recordAudit(tx, context, { action, entityType: 'organization', entityId: merge.keptOrganizationId, before, after: { ...after, mergedOrganizationId: merge.mergedOrganizationId } });
  return before.merged;
}
