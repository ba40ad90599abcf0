import { ZPactCreate, ZPactListQuery, ZPactUpdate, type TPactCreate, type TPactDetail, type TPactList, type TPactListQuery, type TPactUpdate } from '../../../common/contracts/pacts';
import { actorUserId } from '../../platform/access/actor';
import { assertCan, can } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { notFound, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { districtExists } from '../districts';
import { actorInDistrict, loadReadablePact } from './pact-access';
import { datesOutOfOrder } from './pacts.errors';
import { PactActions } from './pacts.policy';
import { insertPact, insertVersion, selectDistrictPacts, updatePactRow } from './pacts.repository';
import { presentPact } from './present-pact';

/** A district's pacts by title: the district's people and managers see each one's status and signatories; others, public ones. */
export async function listPacts(context: UseCaseContext, raw: TPactListQuery): Promise<TPactList> {
  const input = parseInput(ZPactListQuery, raw);
  const db = context.db.orm;
  const inDistrict = await actorInDistrict(db, context.actor, input.districtId);
  const seesAll = can(context.actor, PactActions['pacts.list'], { districtId: input.districtId, inDistrict });
  const canCreate = can(context.actor, PactActions['pacts.create'], { districtId: input.districtId });
  const rows = (await selectDistrictPacts(db, input.districtId)).filter((row) => seesAll || row.isPublic);
  const items = rows.flatMap((row) => {
    // Drafts are the managers': a pact never opened is not listed for anyone else, and they see the latest opened status.
    const latestStatus = canCreate ? row.latestStatus : row.latestOpenedStatus;
    if (!latestStatus) return [];
    return [{ id: row.id, title: row.title, isPublic: row.isPublic, latestStatus, inForceNumber: row.inForceNumber, startsOn: row.startsOn, signatoryCount: row.signatoryCount, isDemo: row.isDemo }];
  });
  return { items, canCreate };
}

/** Creates a pact of a district with its first version as a draft (coordinators of the district, administrators). */
export async function createPact(context: UseCaseContext, raw: TPactCreate, options: { isDemo?: boolean } = {}): Promise<TPactDetail> {
  const input = parseInput(ZPactCreate, raw);
  assertCan(context.actor, PactActions['pacts.create'], { districtId: input.districtId });
  if (input.endsOn && input.endsOn < input.startsOn) throw datesOutOfOrder();
  if (!(await districtExists(context.db.orm, input.districtId))) throw notFound('district', input.districtId);
  const pactId = await inTransaction(context, async (tx) => {
    const id = await insertPact(tx, {
      districtId: input.districtId, title: input.title, purpose: input.purpose, isPublic: input.isPublic, adhesionNeedsApproval: input.adhesionNeedsApproval,
      createdBy: actorUserId(context.actor), isDemo: options.isDemo ?? false,
    });
    const versionId = await insertVersion(tx, { pactId: id, number: 1, body: input.body, startsOn: input.startsOn, endsOn: input.endsOn });
    await recordAudit(tx, context, { action: 'pacts.create-pact', entityType: 'pact', entityId: id, after: { ...input, versionId } });
    return id;
  });
  return getPact(context, pactId);
}

/** The pact page: versions, signatures with the signed-text check, acknowledgements of amendments. */
export async function getPact(context: UseCaseContext, pactId: string): Promise<TPactDetail> {
  const db = context.db.orm;
  return presentPact(db, context.actor, await loadReadablePact(db, context.actor, pactId));
}

/** Changes a pact's title, purpose, public flag or adhesion rule (managers), version-checked. */
export async function updatePact(context: UseCaseContext, pactId: string, raw: TPactUpdate): Promise<TPactDetail> {
  const input = parseInput(ZPactUpdate, raw);
  return inTransaction(context, async (tx) => {
    const loaded = await loadReadablePact(tx, context.actor, pactId, { forUpdate: true });
    assertCan(context.actor, PactActions['pacts.manage'], loaded.standing);
    const { pact } = loaded;
    if (pact.version !== input.version) throw staleVersion('pact', pactId, input.version, pact.version);
    const after = {
      title: input.title ?? pact.title,
      purpose: input.purpose ?? pact.purpose,
      isPublic: input.isPublic ?? pact.isPublic,
      adhesionNeedsApproval: input.adhesionNeedsApproval ?? pact.adhesionNeedsApproval,
    };
    if (!(await updatePactRow(tx, pactId, input.version, after))) throw staleVersion('pact', pactId, input.version, null);
    const before = { title: pact.title, purpose: pact.purpose, isPublic: pact.isPublic, adhesionNeedsApproval: pact.adhesionNeedsApproval };
    await recordAudit(tx, context, { action: 'pacts.update-pact', entityType: 'pact', entityId: pactId, before, after });
    return presentPact(tx, context.actor, await loadReadablePact(tx, context.actor, pactId));
  });
}
