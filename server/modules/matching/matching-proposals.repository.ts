import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import { organizationPeopleEmails } from '../../platform/auth/organization-people-emails';
import type { ZoneKind } from '../../../common/domain/matching';

// Shared-service proposals: the proposal, its parties (requesters and ranked providers), their answers and the agreement.

/** Where to write to an organization: its own e-mail, else its administrators' and members' sign-in addresses. */
export async function selectOrganizationAddresses(db: DbExecutor, organizationIds: string[]): Promise<Map<string, { name: string; addresses: string[] }>> {
  const map = new Map<string, { name: string; addresses: string[] }>();
  if (organizationIds.length === 0) return map;
  const result = await db.execute<{ id: string; name: string; email: string | null }>(sql`
    select o.id, o.legal_name as name, o.email from organization_names o where o.id = any(${sql.param(organizationIds)}::uuid[])`);
  // People's sign-in addresses are the platform's (users, role grants): asked only for organizations without an e-mail.
  const withoutEmail = result.rows.filter((row) => !row.email).map((row) => row.id);
  const peopleEmails = withoutEmail.length > 0 ? await organizationPeopleEmails(db, withoutEmail) : new Map<string, string[]>();
  for (const row of result.rows) map.set(row.id, { name: row.name, addresses: row.email ? [row.email] : (peopleEmails.get(row.id) ?? []) });
  return map;
}

export type ProposalRow = {
  id: string;
  district_id: string;
  title: string;
  description: string;
  category_code: string;
  target_group: string | null;
  zone_kind: ZoneKind;
  zone_key: string;
  zone_label: string;
  people_covered: number;
  join_threshold: number;
  status: 'open' | 'agreed' | 'withdrawn';
  version: number;
  created_at: string;
}

export async function insertProposal(
  tx: DbExecutor,
  proposal: Omit<ProposalRow, 'id' | 'status' | 'version' | 'created_at'> & { created_by_label: string; is_demo: boolean },
): Promise<ProposalRow> {
  const result = await tx.execute<ProposalRow>(sql`
    insert into matching_proposals (district_id, title, description, category_code, target_group, zone_kind, zone_key, zone_label,
      people_covered, join_threshold, created_by_label, is_demo)
    values (${proposal.district_id}::uuid, ${proposal.title}, ${proposal.description}, ${proposal.category_code}, ${proposal.target_group},
      ${proposal.zone_kind}, ${proposal.zone_key}, ${proposal.zone_label}, ${proposal.people_covered}, ${proposal.join_threshold},
      ${proposal.created_by_label}, ${proposal.is_demo})
    returning id, district_id, title, description, category_code, target_group, zone_kind, zone_key, zone_label, people_covered,
      join_threshold, status, version, created_at`);
  return result.rows[0]!;
}

export interface PartyInsert {
  organizationId: string;
  role: 'requester' | 'provider';
  serviceId: string | null;
  rank: number | null;
  score: number | null;
  scoreDetails: Record<string, number> | null;
  peopleCount: number | null;
  /** Cents of euro. */
  costShareCents: number | null;
}

export async function insertProposalParties(tx: DbExecutor, proposalId: string, parties: PartyInsert[]): Promise<void> {
  for (const party of parties) {
    await tx.execute(sql`
      insert into matching_proposal_parties (proposal_id, organization_id, role, service_id, rank, score, score_details, people_count, cost_share_cents)
      values (${proposalId}::uuid, ${party.organizationId}::uuid, ${party.role}, ${party.serviceId}::uuid, ${party.rank}, ${party.score},
        ${party.scoreDetails === null ? null : JSON.stringify(party.scoreDetails)}::jsonb, ${party.peopleCount}, ${party.costShareCents})`);
  }
}

export async function selectProposal(db: DbExecutor, proposalId: string): Promise<ProposalRow | null> {
  const result = await db.execute<ProposalRow>(sql`
    select id, district_id, title, description, category_code, target_group, zone_kind, zone_key, zone_label, people_covered,
      join_threshold, status, version, created_at
    from matching_proposals where id = ${proposalId}::uuid`);
  return result.rows[0] ?? null;
}

export type PartyRow = {
  organization_id: string;
  organization_name: string;
  role: 'requester' | 'provider';
  service_id: string | null;
  service_name: string | null;
  rank: number | null;
  score: number | null;
  score_details: Record<string, number> | null;
  people_count: number | null;
  cost_share_cents: number | null;
  response: 'pending' | 'interested' | 'not_interested';
  comment: string;
  responded_at: string | null;
}

export async function selectProposalParties(db: DbExecutor, proposalId: string): Promise<PartyRow[]> {
  const result = await db.execute<PartyRow>(sql`
    select p.organization_id, o.legal_name as organization_name, p.role, p.service_id, s.name as service_name, p.rank, p.score,
      p.score_details, p.people_count, p.cost_share_cents, p.response, p.comment, p.responded_at
    from matching_proposal_parties p
    join organization_names o on o.id = p.organization_id
    left join service_offers s on s.id = p.service_id
    where p.proposal_id = ${proposalId}::uuid
    order by p.role desc, p.rank nulls last, o.legal_name`);
  return result.rows;
}

export async function updatePartyResponse(
  tx: DbExecutor,
  change: { proposalId: string; organizationId: string; role: 'requester' | 'provider'; response: string; comment: string },
): Promise<number> {
  const result = await tx.execute(sql`
    update matching_proposal_parties set response = ${change.response}, comment = ${change.comment}, responded_at = now()
    where proposal_id = ${change.proposalId}::uuid and organization_id = ${change.organizationId}::uuid and role = ${change.role}`);
  return result.rowCount ?? 0;
}

export async function updateProposalStatus(tx: DbExecutor, proposalId: string, version: number, status: string): Promise<ProposalRow | null> {
  const result = await tx.execute<ProposalRow>(sql`
    update matching_proposals set status = ${status}, version = version + 1, updated_at = now()
    where id = ${proposalId}::uuid and version = ${version}
    returning id, district_id, title, description, category_code, target_group, zone_kind, zone_key, zone_label, people_covered,
      join_threshold, status, version, created_at`);
  return result.rows[0] ?? null;
}

export type AgreementRow = {
  id: string;
  created_at: string;
  notes: string;
  organization_ids: string[];
}

export async function insertAgreement(
  tx: DbExecutor,
  agreement: { proposalId: string; districtId: string; title: string; notes: string; organizationIds: string[]; providerServiceId: string | null; createdByLabel: string },
): Promise<AgreementRow> {
  const result = await tx.execute<AgreementRow>(sql`
    insert into matching_agreements (proposal_id, district_id, title, notes, organization_ids, provider_service_id, created_by_label)
    values (${agreement.proposalId}::uuid, ${agreement.districtId}::uuid, ${agreement.title}, ${agreement.notes},
      ${sql.param(agreement.organizationIds)}::uuid[], ${agreement.providerServiceId}::uuid, ${agreement.createdByLabel})
    returning id, created_at, notes, organization_ids`);
  return result.rows[0]!;
}

export async function selectAgreement(db: DbExecutor, proposalId: string): Promise<AgreementRow | null> {
  const result = await db.execute<AgreementRow>(sql`
    select id, created_at, notes, organization_ids from matching_agreements where proposal_id = ${proposalId}::uuid`);
  return result.rows[0] ?? null;
}

/** Proposals of the coordinated districts, plus those where one of the actor's organizations is a party. */
export async function selectVisibleProposals(
  db: DbExecutor,
  visibility: { allDistricts: boolean; districtIds: string[]; organizationIds: string[]; districtId?: string | undefined },
): Promise<(ProposalRow & { joined_count: number })[]> {
  const visible = visibility.allDistricts
    ? sql`true`
    : sql`(p.district_id = any(${sql.param(visibility.districtIds)}::uuid[])
        or exists (select 1 from matching_proposal_parties mp where mp.proposal_id = p.id and mp.organization_id = any(${sql.param(visibility.organizationIds)}::uuid[])))`;
  const district = visibility.districtId ? sql`and p.district_id = ${visibility.districtId}::uuid` : sql``;
  const result = await db.execute<ProposalRow & { joined_count: number }>(sql`
    select p.id, p.district_id, p.title, p.description, p.category_code, p.target_group, p.zone_kind, p.zone_key, p.zone_label,
      p.people_covered, p.join_threshold, p.status, p.version, p.created_at,
      (select count(distinct mp.organization_id)::int from matching_proposal_parties mp
        where mp.proposal_id = p.id and mp.role = 'requester' and mp.response = 'interested') as joined_count
    from matching_proposals p
    where ${visible} ${district}
    order by p.created_at desc
    limit 500`);
  return result.rows;
}

/** A taxonomy category's labels in each language (the services module's published view), null for a code it lacks. */
export async function selectCategoryLabels(db: DbExecutor, categoryCode: string): Promise<{ it: string; en: string } | null> {
  const result = await db.execute<{ label_it: string; label_en: string }>(sql`
    select label_it, label_en from service_category_labels where code = ${categoryCode}`);
  const row = result.rows[0];
  return row ? { it: row.label_it, en: row.label_en } : null;
}
