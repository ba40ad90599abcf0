import { DASHBOARD_COMMITMENTS, type TPublicPact } from '../../../common/contracts/pacts';
import { COMMITMENT_STATUSES } from '../../../common/domain/pacts';
import { can } from '../../platform/access/policy';
import { notFound } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { PactActions } from './pacts.policy';
import { countPactCommitments, selectPact, selectPactCommitments, selectSignatures, selectVersions } from './pacts.repository';

/**
 * A pact the district made public, for anyone without signing in (GET /api/public/pacts/:pactId). A private pact
 * answers exactly like one that does not exist (404). Only what a public page shows: see ZPublicPact.
 */
export async function getPublicPact(context: UseCaseContext, pactId: string): Promise<TPublicPact> {
  const db = context.db.orm;
  const pact = await selectPact(db, pactId);
  if (!pact || !can(context.actor, PactActions['pacts.read-public'], { isPublic: pact.isPublic })) throw notFound('pact', pactId);
  const versions = await selectVersions(db, pactId);
  const shown = versions.find((version) => version.status === 'in_force') ?? versions.find((version) => version.status === 'open_for_signature') ?? null;
  const firstSignatures = new Map<string, { organizationId: string; organizationName: string; signedAt: string }>();
  for (const signature of await selectSignatures(db, pactId)) {
    if (signature.status === 'valid' && !firstSignatures.has(signature.organizationId)) {
      firstSignatures.set(signature.organizationId, { organizationId: signature.organizationId, organizationName: signature.organizationName, signedAt: signature.signedAt });
    }
  }
  const totals = await countPactCommitments(db, pactId);
  const commitments = (await selectPactCommitments(db, pactId, DASHBOARD_COMMITMENTS)).map((row) => ({
    id: row.id, organizationName: row.organizationName, text: row.text, dueOn: row.dueOn, recurrence: row.recurrence, status: row.status,
  }));
  return {
    id: pact.id,
    title: pact.title,
    purpose: pact.purpose,
    districtName: pact.districtName,
    version: shown ? { number: shown.number, status: shown.status, body: shown.body, startsOn: shown.startsOn, endsOn: shown.endsOn, statusChangedAt: shown.statusChangedAt } : null,
    signatories: [...firstSignatures.values()],
    totals,
    commitments,
    commitmentTotal: COMMITMENT_STATUSES.reduce((sum, status) => sum + totals[status], 0),
  };
}
