import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';

// What the home page shows of matching (published through index.ts): the caller has already limited the ids to the
// actor's own organizations and coordinated districts, so these reads check nothing themselves.

export type ProposalAnswerWaiting = { proposal_id: string; title: string; organization_id: string; role: 'requester' | 'provider'; service_name: string | null };

/** Open proposals on which one of these organizations has not answered yet, newest first. */
export async function selectProposalAnswersWaiting(db: DbExecutor, organizationIds: string[]): Promise<ProposalAnswerWaiting[]> {
  if (organizationIds.length === 0) return [];
  const result = await db.execute<ProposalAnswerWaiting>(sql`
    select p.id as proposal_id, p.title, mp.organization_id, mp.role, s.name as service_name
    from matching_proposals p
    join matching_proposal_parties mp on mp.proposal_id = p.id
    left join service_offers s on s.id = mp.service_id
    where p.status = 'open' and mp.response = 'pending' and mp.organization_id = any(${sql.param(organizationIds)}::uuid[])
    order by p.created_at desc, mp.role desc
    limit 200`);
  return result.rows;
}

export type ReferralWaitingForProvider = {
  id: string; version: number; provider_organization_id: string; service_name: string; referring_organization_name: string;
  category_code: string; category_label_it: string | null; category_label_en: string | null; municipality_name: string; people_count: number; sent_at: string;
};

/** Referrals sent to services of these organizations and not answered yet (status `sent`), oldest first. */
export async function selectReferralsWaitingForProvider(db: DbExecutor, organizationIds: string[]): Promise<ReferralWaitingForProvider[]> {
  if (organizationIds.length === 0) return [];
  const result = await db.execute<ReferralWaitingForProvider>(sql`
    select r.id, r.version, r.provider_organization_id, s.name as service_name, ro.legal_name as referring_organization_name,
      r.category_code, t.label_it as category_label_it, t.label_en as category_label_en, m.name as municipality_name, r.people_count, r.sent_at
    from referrals r
    join organization_names ro on ro.id = r.referring_organization_id
    join service_offers s on s.id = r.service_id
    join municipalities m on m.istat_code = r.municipality_code
    left join service_category_labels t on t.code = r.category_code
    where r.status = 'sent' and r.provider_organization_id = any(${sql.param(organizationIds)}::uuid[])
    order by r.sent_at, r.id
    limit 200`);
  return result.rows;
}

/** Per organization: referrals it sent on which the provider asked for more information. */
export async function selectReferralsAwaitingInfo(db: DbExecutor, organizationIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (organizationIds.length === 0) return counts;
  const result = await db.execute<{ organization_id: string; count: number }>(sql`
    select referring_organization_id as organization_id, count(*)::int as count from referrals
    where status = 'info_requested' and referring_organization_id = any(${sql.param(organizationIds)}::uuid[])
    group by referring_organization_id`);
  for (const row of result.rows) counts.set(row.organization_id, row.count);
  return counts;
}

export type DistrictMatchingWork = { district_id: string; proposals_waiting: number; referrals_waiting: number; referrals: number };

/**
 * Per district: open proposals with a party that has not answered, referrals waiting for the provider since at
 * least `days` days (the same clock as the reminders: the referral's last event), and all its referrals.
 */
export async function selectDistrictMatchingWork(db: DbExecutor, districtIds: string[], days: number): Promise<Map<string, DistrictMatchingWork>> {
  const work = new Map<string, DistrictMatchingWork>();
  if (districtIds.length === 0) return work;
  const result = await db.execute<DistrictMatchingWork>(sql`
    select d.id as district_id,
      (select count(*)::int from matching_proposals p where p.district_id = d.id and p.status = 'open'
        and exists (select 1 from matching_proposal_parties mp where mp.proposal_id = p.id and mp.response = 'pending')) as proposals_waiting,
      (select count(*)::int from referrals r where r.district_id = d.id and r.status = 'sent'
        and (select max(e.at) from referral_events e where e.referral_id = r.id) <= now() - make_interval(days => ${days}::int)) as referrals_waiting,
      (select count(*)::int from referrals r where r.district_id = d.id) as referrals
    from unnest(${sql.param(districtIds)}::uuid[]) as d(id)`);
  for (const row of result.rows) work.set(row.district_id, row);
  return work;
}
