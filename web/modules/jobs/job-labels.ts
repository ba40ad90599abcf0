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

type ErrorKey =
  | 'errors.mailRecipientRefused' | 'errors.mailSenderRefused' | 'errors.mailLoginRefused' | 'errors.mailMessageRefused'
  | 'errors.mailServerUnreachable' | 'errors.mailFailed' | 'errors.jobsNoHandler' | 'errors.jobsBadPayload';

/** Why a job failed, by the reason code its handler named (server: JobFailure), with its texts' keys. */
const ERROR_KEYS = new Map<string, ErrorKey>([
  ['mail.recipient-refused', 'errors.mailRecipientRefused'],
  ['mail.sender-refused', 'errors.mailSenderRefused'],
  ['mail.login-refused', 'errors.mailLoginRefused'],
  ['mail.message-refused', 'errors.mailMessageRefused'],
  ['mail.server-unreachable', 'errors.mailServerUnreachable'],
  ['mail.failed', 'errors.mailFailed'],
  ['jobs.no-handler', 'errors.jobsNoHandler'],
  ['jobs.bad-payload', 'errors.jobsBadPayload'],
]);

/**
 * A job's last failure in words: what its reason code means, or "unexpected error" when the handler named none or
 * one this page does not know yet; never the code nor the raw message (the page keeps that in its technical details).
 */
export function jobErrorLabel(t: TFunction<'jobs'>, reason: string | null): string {
  return t((reason === null ? undefined : ERROR_KEYS.get(reason)) ?? 'errors.unexpected');
}

/** The states the page filters by, the failed ones first (what an administrator comes for). */
export const FILTER_STATES: readonly JobState[] = ['dead', 'queued', 'running'];

/** `?stato=` of the page's address: a known state, else the failed jobs. */
export function stateFromParam(value: string | null): JobState {
  return FILTER_STATES.find((state) => state === value) ?? 'dead';
}
