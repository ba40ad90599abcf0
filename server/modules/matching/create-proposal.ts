import type { TProposal, TProposalCreate } from '../../../common/contracts/matching';
import { costSharesOf, providerScore, providerScoreParts } from '../../../common/domain/matching';
import { actorLabel } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { readableDistrict } from './district-scope';
import { emptyGroup } from './matching.errors';
import { MatchingActions } from './matching.policy';
import { selectGroupNeeds, selectGroupServices } from './matching-coverage.repository';
import { mailOrganizations, proposalMail } from './matching-mails';
import { insertProposal, insertProposalParties, selectCategoryLabels, type PartyInsert } from './matching-proposals.repository';
import { presentProposal } from './present-proposal';

/**
 * A coordinator turns a gap (one group) into a shared-service proposal: the organizations that expressed its needs are
 * the requesters, the best-scoring service of each candidate provider is ranked (category fit, target group, distance,
 * free capacity, open to the community), each requester gets a cost share from the top provider's price (the shares
 * add up to the price times the people covered), and every
 * party is notified by e-mail in the same transaction.
 */
export async function createProposal(context: UseCaseContext, input: TProposalCreate, options: { isDemo?: boolean } = {}): Promise<TProposal> {
  assertCan(context.actor, MatchingActions['matching.proposals.create'], { districtId: input.districtId });
  const district = await readableDistrict(context, input.districtId, input);
  const scope = { districtId: input.districtId, zoneKind: input.zoneKind, zoningId: input.zoningId, zoneKey: input.zoneKey, categoryCode: input.categoryCode, targetGroup: input.targetGroup };
  const needs = await selectGroupNeeds(context.db.orm, { ...scope, districtName: district.name });
  const peopleByRequester = new Map<string, number>();
  for (const need of needs) {
    if (need.organization_id) peopleByRequester.set(need.organization_id, (peopleByRequester.get(need.organization_id) ?? 0) + need.people_count);
  }
  if (peopleByRequester.size === 0) throw emptyGroup();
  const peopleCovered = needs.reduce((sum, need) => sum + need.people_count, 0);
  const services = await selectGroupServices(context.db.orm, { ...scope, districtName: district.name, radiusKm: input.radiusKm });

  // One candidate per provider organization: its best-scoring service.
  const bestByProvider = new Map<string, { service: (typeof services)[number]; parts: ReturnType<typeof providerScoreParts>; score: number }>();
  for (const service of services) {
    const parts = providerScoreParts({
      needCategoryCode: input.categoryCode,
      needTargetGroup: input.targetGroup ?? null,
      serviceTargetGroups: service.target_groups,
      serviceOpenTo: service.open_to,
      distanceKm: service.distance_km,
      radiusKm: input.radiusKm,
      freeCapacity: service.capacity_free,
      peopleCount: peopleCovered,
    });
    const score = providerScore(parts);
    const current = bestByProvider.get(service.organization_id);
    if (!current || score > current.score) bestByProvider.set(service.organization_id, { service, parts, score });
  }
  const ranked = [...bestByProvider.values()].sort((a, b) => b.score - a.score || a.service.name.localeCompare(b.service.name)).slice(0, input.providerCount);
  const top = ranked[0]?.service ?? null;
  // Ordered by id so the cent a tie leaves over goes to the same requester however the needs were read.
  const requesters = [...peopleByRequester.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const costShares = top ? costSharesOf(top.cost_kind, top.cost_cents, requesters.map(([, people]) => people)) : null;
  const parties: PartyInsert[] = [
    ...requesters.map(([organizationId, people], index) => ({
      organizationId,
      role: 'requester' as const,
      serviceId: null,
      rank: null,
      score: null,
      scoreDetails: null,
      peopleCount: people,
      costShareCents: costShares?.[index]?.cents ?? null,
    })),
    ...ranked.map((candidate, index) => ({
      organizationId: candidate.service.organization_id,
      role: 'provider' as const,
      serviceId: candidate.service.id,
      rank: index + 1,
      score: candidate.score,
      scoreDetails: { ...candidate.parts, distanceKm: Math.round(candidate.service.distance_km * 10) / 10 },
      peopleCount: null,
      costShareCents: null,
    })),
  ];

  return inTransaction(context, async (tx) => {
    const proposal = await insertProposal(tx, {
      district_id: input.districtId,
      title: input.title,
      description: input.description,
      category_code: input.categoryCode,
      target_group: input.targetGroup ?? null,
      zone_kind: input.zoneKind,
      zone_key: input.zoneKey,
      zone_label: needs[0]!.zone_label,
      people_covered: peopleCovered,
      join_threshold: input.joinThreshold,
      created_by_label: actorLabel(context.actor),
      is_demo: options.isDemo ?? false,
    });
    await insertProposalParties(tx, proposal.id, parties);
    const category = await selectCategoryLabels(tx, input.categoryCode);
    await mailOrganizations(
      tx,
      parties.map((party) => ({
        organizationId: party.organizationId,
        compose: (language) =>
          proposalMail({ title: input.title, role: party.role, zoneLabel: proposal.zone_label, peopleCovered, category, costShareCents: party.costShareCents }, language),
      })),
      { topicType: 'matching_proposal', topicId: proposal.id, districtId: input.districtId },
    );
    const presented = await presentProposal(tx, context, proposal);
    await recordAudit(tx, context, { action: 'matching.create-proposal', entityType: 'matching_proposal', entityId: proposal.id, after: presented });
    return presented;
  });
}
