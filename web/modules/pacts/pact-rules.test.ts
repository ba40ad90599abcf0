import { describe, expect, it } from 'vitest';
import type { TPactSignature, TPactVersion } from '../../../common/contracts/pacts';
import { articleCount, canStartAmendment, versionShownFirst, diffPair, organizationsToAcknowledge, organizationsToSign, signableVersion, signaturesInOrder, versionNumberParam } from './pact-rules';

const signature = (organizationId: string, status: TPactSignature['status'], signedAt: string): TPactSignature => ({
  id: `s-${organizationId}`, versionId: 'v', versionNumber: 1, organizationId, organizationName: organizationId.toUpperCase(), kind: 'signature', status,
  signerName: 'Anna', signedAt, textSha256: 'x', textUnchanged: true, decidedAt: null, decisionNote: '', version: 1,
});
const version = (number: number, status: TPactVersion['status'], extra: Partial<TPactVersion> = {}): TPactVersion => ({
  id: `v${number}`, number, status, body: '', startsOn: '2026-01-01', endsOn: null, textSha256: 'x', statusChangedAt: '2026-01-01T00:00:00Z',
  nextStatuses: [], signatures: [], acknowledgements: [], version: 1, ...extra,
});
const represented = (...ids: string[]) => ids.map((organizationId) => ({ organizationId, organizationName: organizationId.toUpperCase() }));

describe('pact page rules', () => {
  it('signs the version open for signature first, else joins the one in force, never a draft or an ended one', () => {
    expect(signableVersion({ versions: [version(2, 'open_for_signature'), version(1, 'in_force')] })?.number).toBe(2);
    expect(signableVersion({ versions: [version(2, 'draft'), version(1, 'in_force')] })?.number).toBe(1);
    expect(signableVersion({ versions: [version(2, 'expired'), version(1, 'superseded')] })).toBeNull();
    expect(signableVersion({ versions: [version(1, 'draft')] })).toBeNull();
  });

  it('offers to sign only for represented organizations without a live signature, signatories of the previous version acknowledging instead', () => {
    const open = version(2, 'open_for_signature', {
      signatures: [signature('a', 'valid', '2026-01-02'), signature('b', 'rejected', '2026-01-02'), signature('c', 'pending', '2026-01-03')],
      acknowledgements: [{ organizationId: 'd', organizationName: 'D', hasAcknowledged: false }, { organizationId: 'a', organizationName: 'A', hasAcknowledged: true }],
    });
    const pact = { representedOrganizations: represented('a', 'b', 'c', 'd', 'e') };
    expect(organizationsToSign(pact, open).map((organization) => organization.organizationId)).toEqual(['b', 'e']);
    expect(organizationsToAcknowledge(pact, open).map((organization) => organization.organizationId)).toEqual(['d']);
    expect(organizationsToSign(pact, version(1, 'draft'))).toEqual([]);
    expect(organizationsToSign({ representedOrganizations: [] }, open)).toEqual([]);
    expect(organizationsToAcknowledge(pact, null)).toEqual([]);
  });

  it('lists valid signatures first by day, then pending adhesions, then rejected ones', () => {
    const listed = signaturesInOrder(version(1, 'in_force', { signatures: [signature('p', 'pending', '2026-01-01'), signature('r', 'rejected', '2026-01-01'), signature('b', 'valid', '2026-02-01'), signature('a', 'valid', '2026-01-05')] }));
    expect(listed.map((entry) => entry.organizationId)).toEqual(['a', 'b', 'p', 'r']);
  });

  it('counts the numbered articles, not the preamble', () => {
    expect(articleCount('Premessa.\n\n## Art. 1 - Oggetto\nTesto.\n\n## Art. 2 bis - Durata\nTre anni.')).toBe(2);
    expect(articleCount('Solo premessa.')).toBe(0);
  });

  it('compares the versions the address asks for, else the one before the newest with the newest', () => {
    const versions = [version(3, 'draft'), version(2, 'in_force'), version(1, 'superseded')];
    expect(diffPair(versions, { from: 1, to: 3 })).toMatchObject({ from: { number: 1 }, to: { number: 3 } });
    expect(diffPair(versions, { from: null, to: null })).toMatchObject({ from: { number: 2 }, to: { number: 3 } });
    expect(diffPair(versions, { from: 2, to: 2 })).toMatchObject({ from: { number: 2 }, to: { number: 3 } });
    expect(diffPair(versions, { from: 9, to: 1 })).toMatchObject({ from: { number: 2 }, to: { number: 3 } });
    expect(diffPair([version(1, 'in_force')], { from: null, to: null })).toBeNull();
  });

  it('reads a version number from the address only when it is a whole number', () => {
    expect(versionNumberParam('2')).toBe(2);
    expect(versionNumberParam(null)).toBeNull();
    expect(versionNumberParam('2; drop')).toBeNull();
    expect(versionNumberParam('-1')).toBeNull();
  });

  it('starts an amendment only when no version is being written or signed', () => {
    expect(canStartAmendment([version(1, 'in_force')])).toBe(true);
    expect(canStartAmendment([version(2, 'draft'), version(1, 'in_force')])).toBe(false);
    expect(canStartAmendment([version(2, 'open_for_signature'), version(1, 'in_force')])).toBe(false);
    expect(canStartAmendment([])).toBe(false);
  });

  it('shows the version in force first, else the newest', () => {
    expect(versionShownFirst([version(2, 'draft'), version(1, 'in_force')])?.number).toBe(1);
    expect(versionShownFirst([version(2, 'open_for_signature'), version(1, 'expired')])?.number).toBe(2);
    expect(versionShownFirst([])).toBeNull();
  });
});
