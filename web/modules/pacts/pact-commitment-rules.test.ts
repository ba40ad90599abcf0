import { describe, expect, it } from 'vitest';
import { compareCommitments, italianDayOf, pageCount, signatoriesOf, signatoryGrowth, statusSegments, versionToShow } from './pact-commitment-rules';

const event = (at: string, signatoryCount: number, kind: 'signature' | 'acknowledgement' | 'version' = 'signature') => ({
  at, kind, versionNumber: 1, versionStatus: null, organizationId: null, organizationName: null, text: null, signatoryCount,
});

describe('pact commitment rules', () => {
  it('orders commitments late first, then planned, on track, done, dropped; then by due date, none last', () => {
    const rows = [
      { status: 'done' as const, dueOn: '2026-01-01', text: 'a' },
      { status: 'planned' as const, dueOn: null, text: 'b' },
      { status: 'planned' as const, dueOn: '2026-03-01', text: 'c' },
      { status: 'late' as const, dueOn: '2026-05-01', text: 'd' },
      { status: 'dropped' as const, dueOn: '2025-01-01', text: 'e' },
      { status: 'on_track' as const, dueOn: '2026-02-01', text: 'f' },
    ];
    expect([...rows].sort(compareCommitments).map((row) => row.text)).toEqual(['d', 'c', 'b', 'f', 'a', 'e']);
  });

  it('turns the totals into the stacked bar in the dashboard order, with shares', () => {
    const segments = statusSegments({ planned: 1, on_track: 1, late: 2, done: 0, dropped: 0 });
    expect(segments.map((segment) => segment.status)).toEqual(['late', 'planned', 'on_track', 'done', 'dropped']);
    expect(segments.map((segment) => segment.share)).toEqual([0.5, 0.25, 0.25, 0, 0]);
    expect(statusSegments({ planned: 0, on_track: 0, late: 0, done: 0, dropped: 0 }).every((segment) => segment.share === 0)).toBe(true);
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(2000, 50)).toBe(40);
    expect(pageCount(2001, 50)).toBe(41);
  });

  it('draws the network growing day by day in Italy, skipping days when it did not change', () => {
    const events = [
      event('2026-03-01T09:00:00Z', 1),
      event('2026-03-01T22:30:00Z', 2), // 23:30 in Rome: still 1 March
      event('2026-03-01T23:30:00Z', 3), // 00:30 in Rome: 2 March
      event('2026-03-05T10:00:00Z', 3, 'version'),
      event('2026-03-06T10:00:00Z', 3, 'acknowledgement'),
    ];
    expect(signatoryGrowth(events, italianDayOf)).toEqual([
      { day: '2026-03-01', count: 2 },
      { day: '2026-03-02', count: 3 },
    ]);
  });

  it('shows the version in force, else the latest signed or open one, never a draft if there is another', () => {
    const version = (number: number, status: 'draft' | 'in_force' | 'superseded' | 'open_for_signature') => ({ number, status }) as never;
    expect(versionToShow({ versions: [version(3, 'draft'), version(2, 'in_force'), version(1, 'superseded')], inForceNumber: 2 })).toMatchObject({ number: 2 });
    expect(versionToShow({ versions: [version(2, 'draft'), version(1, 'open_for_signature')], inForceNumber: null })).toMatchObject({ number: 1 });
    expect(versionToShow({ versions: [], inForceNumber: null })).toBeNull();
  });

  it('lists each signatory once, with its first valid signature, in the order they joined', () => {
    const signature = (organizationId: string, signedAt: string, status: 'valid' | 'pending', versionNumber: number) => ({ organizationId, organizationName: organizationId.toUpperCase(), signerName: `Legale ${organizationId}`, signedAt, status, versionNumber });
    const pact = {
      versions: [
        { signatures: [signature('b', '2026-04-01T10:00:00Z', 'valid', 2), signature('c', '2026-04-02T10:00:00Z', 'pending', 2)] },
        { signatures: [signature('b', '2026-02-01T10:00:00Z', 'valid', 1), signature('a', '2026-01-01T10:00:00Z', 'valid', 1)] },
      ],
    } as never;
    expect(signatoriesOf(pact).map((row) => [row.organizationId, row.versionNumber])).toEqual([['a', 1], ['b', 1]]);
  });
});
