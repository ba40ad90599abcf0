import type { TReferral } from '../../../common/contracts/matching';
import { REFERRAL_TRANSITIONS, type ReferralAction } from '../../../common/domain/matching';
import { belongsToOrganization, type Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/policy';
import type { DbExecutor } from '../../platform/db/database';
import type { UseCaseContext } from '../../platform/use-case';
import { referralNotFound } from './matching.errors';
import { MatchingActions } from './matching.policy';
import { selectReferral, selectReferralDetails, selectReferralEvents, type ReferralRow } from './matching-referrals.repository';

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

export const referralResource = (row: ReferralRow) => ({
  districtId: row.district_id,
  referringOrganizationId: row.referring_organization_id,
  providerOrganizationId: row.provider_organization_id,
});

/** Loads a referral the actor may read; any other is a 404 (its existence is not revealed). */
export async function loadReadableReferral(db: DbExecutor, actor: Actor, id: string): Promise<ReferralRow> {
  const row = await selectReferral(db, id);
  if (!row || !can(actor, MatchingActions['matching.referrals.read'], referralResource(row))) throw referralNotFound(id);
  return row;
}

/** The actions the actor may take now: the state machine's moves from this state, by the side the actor is on. */
export function allowedActionsOf(actor: Actor, row: ReferralRow): ReferralAction[] {
  return (Object.entries(REFERRAL_TRANSITIONS) as [ReferralAction, (typeof REFERRAL_TRANSITIONS)[ReferralAction]][])
    .filter(([, rule]) => rule.from === row.status)
    .filter(([, rule]) => belongsToOrganization(actor, rule.by === 'provider' ? row.provider_organization_id : row.referring_organization_id))
    .map(([action]) => action);
}

export function referralSummary(row: ReferralRow): Omit<TReferral, 'details' | 'events' | 'allowedActions'> {
  return {
    id: row.id,
    districtId: row.district_id,
    referringOrganizationId: row.referring_organization_id,
    referringOrganizationName: row.referring_organization_name,
    serviceId: row.service_id,
    serviceName: row.service_name,
    providerOrganizationId: row.provider_organization_id,
    providerOrganizationName: row.provider_organization_name,
    needId: row.need_id,
    subjectKind: row.subject_kind,
    peopleCount: row.people_count,
    categoryCode: row.category_code,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    status: row.status,
    statusReason: row.status_reason,
    sentAt: iso(row.sent_at)!,
    firstAnsweredAt: iso(row.first_answered_at),
    closedAt: iso(row.closed_at),
    version: row.version,
  };
}

/** A referral with its timeline; the free-text details only for the referring organization and the provider. */
export async function presentReferral(db: DbExecutor, context: UseCaseContext, row: ReferralRow): Promise<TReferral> {
  const canReadDetails = can(context.actor, MatchingActions['matching.referrals.readDetails'], referralResource(row));
  const events = await selectReferralEvents(db, row.id);
  return {
    ...referralSummary(row),
    details: canReadDetails ? ((await selectReferralDetails(db, row.id)) ?? '') : null,
    events: events.map((event) => ({ fromStatus: event.from_status, toStatus: event.to_status, note: event.note, actorLabel: event.actor_label, at: iso(event.at)! })),
    allowedActions: allowedActionsOf(context.actor, row),
  };
}
