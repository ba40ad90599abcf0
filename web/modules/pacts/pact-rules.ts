import type { TPactDetail, TPactSignature, TPactVersion } from '../../../common/contracts/pacts';
import { isSignable, parseArticles } from '../../../common/domain/pacts';

/**
 * The pact page's choices, as pure functions of what the server answered (it checks again on every write): which
 * version may be signed now and for which organizations, who is asked to acknowledge an amendment, which two versions
 * the comparison shows.
 */

type Organization = TPactDetail['representedOrganizations'][number];

/** The version a signature goes to now: the newest one open for signature, else the one in force (an adhesion); null if none. */
export function signableVersion(pact: Pick<TPactDetail, 'versions'>): TPactVersion | null {
  return pact.versions.find((version) => version.status === 'open_for_signature') ?? pact.versions.find((version) => isSignable(version.status)) ?? null;
}

/** A signature that counts or waits for the district: a second one for the same organization and version is refused. */
const isLive = (signature: TPactSignature) => signature.status === 'valid' || signature.status === 'pending';

/**
 * The organizations the caller may sign `version` for: those they legally represent that have no live signature of it
 * yet, and that are not asked to acknowledge it instead (a signatory of the previous version acknowledges).
 */
export function organizationsToSign(pact: Pick<TPactDetail, 'representedOrganizations'>, version: TPactVersion | null): Organization[] {
  if (!version || !isSignable(version.status)) return [];
  const taken = new Set(version.signatures.filter(isLive).map((signature) => signature.organizationId));
  const acknowledging = new Set(version.acknowledgements.map((entry) => entry.organizationId));
  return pact.representedOrganizations.filter((organization) => !taken.has(organization.organizationId) && !acknowledging.has(organization.organizationId));
}

/** The organizations the caller may acknowledge `version` for: signatories of the previous version they represent, not done yet. */
export function organizationsToAcknowledge(pact: Pick<TPactDetail, 'representedOrganizations'>, version: TPactVersion | null): Organization[] {
  if (!version || !isSignable(version.status)) return [];
  const waiting = new Set(version.acknowledgements.filter((entry) => !entry.hasAcknowledged).map((entry) => entry.organizationId));
  return pact.representedOrganizations.filter((organization) => waiting.has(organization.organizationId));
}

/** A version's signatures in the order the page lists them: valid, then pending adhesions, then rejected; each by day. */
export function signaturesInOrder(version: TPactVersion): TPactSignature[] {
  const rank = { valid: 0, pending: 1, rejected: 2 } as const;
  return [...version.signatures].sort((a, b) => rank[a.status] - rank[b.status] || a.signedAt.localeCompare(b.signedAt) || a.organizationName.localeCompare(b.organizationName, 'it'));
}

/** How many numbered articles a text has (the preamble is not one): part of the summary shown before signing. */
export function articleCount(markdown: string): number {
  return parseArticles(markdown).filter((article) => article.number !== null).length;
}

/**
 * The two versions the comparison shows: the numbers asked in the address when both exist and differ, otherwise the
 * one before the newest and the newest. Null when the pact has fewer than two versions the reader sees.
 */
export function diffPair(versions: readonly Pick<TPactVersion, 'id' | 'number'>[], asked: { from: number | null; to: number | null }): { from: Pick<TPactVersion, 'id' | 'number'>; to: Pick<TPactVersion, 'id' | 'number'> } | null {
  const byNumber = new Map(versions.map((version) => [version.number, version]));
  const from = asked.from === null ? undefined : byNumber.get(asked.from);
  const to = asked.to === null ? undefined : byNumber.get(asked.to);
  if (from && to && from.number !== to.number) return { from, to };
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  if (newestFirst.length < 2) return null;
  return { from: newestFirst[1]!, to: newestFirst[0]! };
}

/** A whole number from the address (`?da=2`), or null for anything else. */
export function versionNumberParam(value: string | null): number | null {
  return value !== null && /^\d{1,6}$/.test(value) ? Number(value) : null;
}

/** An amendment starts when no version is being written or signed (the server refuses a second one in progress). */
export function canStartAmendment(versions: readonly Pick<TPactVersion, 'status'>[]): boolean {
  return versions.length > 0 && !versions.some((version) => version.status === 'draft' || version.status === 'open_for_signature');
}

/** The version the page shows first: the one in force, else the newest the reader sees. */
export function versionShownFirst<V extends Pick<TPactVersion, 'status'>>(versions: readonly V[]): V | null {
  return versions.find((version) => version.status === 'in_force') ?? versions[0] ?? null;
}
