import type { TFunction } from 'i18next';
import { JOB_STATES } from '../../../common/contracts/jobs';

type JobState = (typeof JOB_STATES)[number];

/** The job types the platform declares (their handlers live in the server's manifests), with their texts' keys. */
const TYPE_KEYS = new Map<string, 'types.mailDeliver' | 'types.matchingRemindReferrals' | 'types.servicesRebuildSupply' | 'types.organizationsSyncMunicipalBodies'>([
  ['mail.deliver', 'types.mailDeliver'],
  ['matching.remind-referrals', 'types.matchingRemindReferrals'],
  ['services.rebuild-supply', 'types.servicesRebuildSupply'],
  ['organizations.sync-municipal-bodies', 'types.organizationsSyncMunicipalBodies'],
]);

/** A job type in words; a type this page does not know yet gets a generic label, never its code. */
export function jobTypeLabel(t: TFunction<'jobs'>, type: string): string {
  return t(TYPE_KEYS.get(type) ?? 'types.unknown');
}

/** The states the page filters by, the failed ones first (what an administrator comes for). */
export const FILTER_STATES: readonly JobState[] = ['dead', 'queued', 'running'];

/** `?stato=` of the page's address: a known state, else the failed jobs. */
export function stateFromParam(value: string | null): JobState {
  return FILTER_STATES.find((state) => state === value) ?? 'dead';
}
