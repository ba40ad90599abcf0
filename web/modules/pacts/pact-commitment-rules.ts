import { COMMITMENT_STATUS_ORDER, type CommitmentStatus } from '../../../common/domain/pacts';
import type { TPactDashboard, TPactDetail, TPactTimeline } from '../../../common/contracts/pacts';

/** A symbol beside each status's words (never colour alone): late ⚠, planned ○, on track →, done ✓, dropped ✕. */
export const COMMITMENT_STATUS_SYMBOLS: Record<CommitmentStatus, string> = { late: '⚠', planned: '○', on_track: '→', done: '✓', dropped: '✕' };

/** Colours of the statuses in the charts, each at least 3:1 against white (the words and the table carry the meaning). */
export const COMMITMENT_STATUS_COLOURS: Record<CommitmentStatus, string> = { late: '#d9364f', planned: '#5c2d91', on_track: '#0066cc', done: '#008055', dropped: '#a66300' };

/** Late first, then planned, on track, done, dropped; then by due date (none last), then by text: the dashboard's order. */
export function compareCommitments(a: { status: CommitmentStatus; dueOn: string | null; text: string }, b: { status: CommitmentStatus; dueOn: string | null; text: string }): number {
  const byStatus = COMMITMENT_STATUS_ORDER.indexOf(a.status) - COMMITMENT_STATUS_ORDER.indexOf(b.status);
  if (byStatus !== 0) return byStatus;
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn.localeCompare(b.dueOn);
  }
  return a.text.localeCompare(b.text);
}

/** The totals as the stacked bar's segments, in the dashboard's order, with their share of the whole (0 when there are none). */
export function statusSegments(totals: TPactDashboard['totals']): { status: CommitmentStatus; count: number; share: number }[] {
  const all = COMMITMENT_STATUS_ORDER.reduce((sum, status) => sum + totals[status], 0);
  return COMMITMENT_STATUS_ORDER.map((status) => ({ status, count: totals[status], share: all > 0 ? totals[status] / all : 0 }));
}

export function totalOf(counts: TPactDashboard['totals']): number {
  return COMMITMENT_STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
}

/** How many pages of `pageSize` hold `total` rows (at least one). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The network's size over time for the story's chart: one point per day on which it changed (the last count of that
 * day, in Italy), oldest first. `dayOf` turns an instant into Italy's calendar day.
 */
export function signatoryGrowth(events: TPactTimeline['events'], dayOf: (iso: string) => string): { day: string; count: number }[] {
  const points: { day: string; count: number }[] = [];
  for (const event of events) {
    if (event.kind !== 'signature' && event.kind !== 'acknowledgement') continue;
    const day = dayOf(event.at);
    const last = points.at(-1);
    if (last && last.day === day) last.count = event.signatoryCount;
    else if (!last || last.count !== event.signatoryCount) points.push({ day, count: event.signatoryCount });
  }
  return points;
}

/** Italy's calendar day (YYYY-MM-DD) of an instant. */
export function italianDayOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The version a printed or public pact shows: the one in force, else the latest that is not a draft, else the latest. */
export function versionToShow(pact: Pick<TPactDetail, 'versions' | 'inForceNumber'>): TPactDetail['versions'][number] | null {
  return (
    pact.versions.find((version) => version.number === pact.inForceNumber) ??
    pact.versions.find((version) => version.status !== 'draft') ??
    pact.versions[0] ??
    null
  );
}

/**
 * The signatories of a pact from its versions' signatures: each organization once, with its first valid signature
 * (who signed, when) and how many acknowledgements followed; in the order they joined.
 */
export function signatoriesOf(pact: Pick<TPactDetail, 'versions'>): { organizationId: string; organizationName: string; signerName: string; signedAt: string; versionNumber: number }[] {
  const valid = pact.versions.flatMap((version) => version.signatures).filter((signature) => signature.status === 'valid');
  valid.sort((a, b) => a.signedAt.localeCompare(b.signedAt));
  const seen = new Map<string, { organizationId: string; organizationName: string; signerName: string; signedAt: string; versionNumber: number }>();
  for (const signature of valid) {
    if (!seen.has(signature.organizationId)) {
      seen.set(signature.organizationId, { organizationId: signature.organizationId, organizationName: signature.organizationName, signerName: signature.signerName, signedAt: signature.signedAt, versionNumber: signature.versionNumber });
    }
  }
  return [...seen.values()];
}
