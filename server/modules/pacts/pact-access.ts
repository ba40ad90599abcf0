import { can } from '../../platform/access/policy';
import { organizationIdsOf, type Actor } from '../../platform/access/actor';
import type { DbExecutor } from '../../platform/db/database';
import { notFound } from '../../platform/errors/app-error';
import { currentMemberOrganizationIds } from '../districts';
import { PactActions, type PactStanding } from './pacts.policy';
import { selectPact, selectSignatoryOrganizationIds, type PactRow } from './pacts.repository';

export interface PactContext {
  pact: PactRow;
  standing: PactStanding;
  canManage: boolean;
}

/** Whether the actor holds a role in a current member organization of the district. */
export async function actorInDistrict(db: DbExecutor, actor: Actor, districtId: string): Promise<boolean> {
  const own = organizationIdsOf(actor);
  return own.length > 0 && (await currentMemberOrganizationIds(db, districtId, own)).length > 0;
}

export async function standingOf(db: DbExecutor, actor: Actor, pact: PactRow): Promise<PactStanding> {
  const own = organizationIdsOf(actor);
  const signatories = own.length > 0 ? new Set(await selectSignatoryOrganizationIds(db, pact.id)) : new Set<string>();
  return { districtId: pact.districtId, isPublic: pact.isPublic, inDistrict: await actorInDistrict(db, actor, pact.districtId), ofSignatory: own.some((id) => signatories.has(id)) };
}

/** Loads a pact the actor may read; one that does not exist or that they may not read answers 404 alike. */
export async function loadReadablePact(db: DbExecutor, actor: Actor, pactId: string, options: { forUpdate?: boolean } = {}): Promise<PactContext> {
  const pact = await selectPact(db, pactId, options);
  if (!pact) throw notFound('pact', pactId);
  const standing = await standingOf(db, actor, pact);
  if (!can(actor, PactActions['pacts.read'], standing)) throw notFound('pact', pactId);
  return { pact, standing, canManage: can(actor, PactActions['pacts.manage'], standing) };
}
