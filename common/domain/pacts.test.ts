import { describe, expect, it } from 'vitest';
import {
  checkPactVersionTransition,
  diffArticles,
  isSignable,
  nextPactVersionStatuses,
  PACT_VERSION_STATUSES,
  parseArticles,
  statusOfNewSignature,
} from './pacts';

describe('pact version lifecycle', () => {
  it('lets a manager open a draft, bring it into force with a signature, and end it', () => {
    expect(checkPactVersionTransition({ from: 'draft', to: 'open_for_signature', by: 'manager', validSignatures: 0 })).toBeNull();
    expect(checkPactVersionTransition({ from: 'open_for_signature', to: 'in_force', by: 'manager', validSignatures: 1 })).toBeNull();
    expect(checkPactVersionTransition({ from: 'in_force', to: 'expired', by: 'manager', validSignatures: 0 })).toBeNull();
  });

  it('refuses bringing into force a version nobody signed', () => {
    expect(checkPactVersionTransition({ from: 'open_for_signature', to: 'in_force', by: 'manager', validSignatures: 0 })).toEqual({ field: 'to', problem: 'signature_required' });
  });

  it('supersedes only through an amendment entering into force, never by a manager', () => {
    expect(checkPactVersionTransition({ from: 'in_force', to: 'superseded', by: 'amendment', validSignatures: 0 })).toBeNull();
    expect(checkPactVersionTransition({ from: 'in_force', to: 'superseded', by: 'manager', validSignatures: 5 })).toEqual({ field: 'to', problem: 'forbidden' });
    expect(checkPactVersionTransition({ from: 'draft', to: 'open_for_signature', by: 'amendment', validSignatures: 0 })).toEqual({ field: 'to', problem: 'forbidden' });
  });

  it('refuses every other move, the ended statuses included', () => {
    const allowed = new Set(['draft>open_for_signature', 'open_for_signature>in_force', 'in_force>expired']);
    for (const from of PACT_VERSION_STATUSES) {
      for (const to of PACT_VERSION_STATUSES) {
        const problem = checkPactVersionTransition({ from, to, by: 'manager', validSignatures: 3 });
        expect(problem === null, `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
    expect(nextPactVersionStatuses('draft')).toEqual(['open_for_signature']);
    expect(nextPactVersionStatuses('in_force')).toEqual(['expired']);
    expect(nextPactVersionStatuses('superseded')).toEqual([]);
    expect(nextPactVersionStatuses('expired')).toEqual([]);
  });

  it('is signable only while open for signature or in force', () => {
    expect(PACT_VERSION_STATUSES.filter(isSignable)).toEqual(['open_for_signature', 'in_force']);
  });

  it('makes a late signature pending only when the pact asks for approval', () => {
    expect(statusOfNewSignature({ kind: 'signature', versionStatus: 'in_force', adhesionNeedsApproval: true })).toBe('pending');
    expect(statusOfNewSignature({ kind: 'signature', versionStatus: 'in_force', adhesionNeedsApproval: false })).toBe('valid');
    expect(statusOfNewSignature({ kind: 'signature', versionStatus: 'open_for_signature', adhesionNeedsApproval: true })).toBe('valid');
    expect(statusOfNewSignature({ kind: 'acknowledgement', versionStatus: 'in_force', adhesionNeedsApproval: true })).toBe('valid');
  });
});

const V1 = `Patto territoriale per il welfare del Pinerolese.

## Art. 1 - Oggetto
Le parti collaborano alla rete.

## Art. 2 - Durata
Tre anni.

## Art. 3 - Impegni
Ogni parte indica i propri impegni.
`;

const V2 = `Patto territoriale per il welfare del Pinerolese.

## Art. 1 - Oggetto
Le parti collaborano alla rete territoriale.

## Art. 2 bis: Cabina di regia
Il distretto convoca la cabina di regia.

## Articolo 3 - Impegni
Ogni parte indica i propri impegni.
`;

describe('pact articles', () => {
  it('cuts the text into a preamble and numbered articles with their titles', () => {
    expect(parseArticles(V1)).toEqual([
      { number: null, title: '', body: 'Patto territoriale per il welfare del Pinerolese.' },
      { number: '1', title: 'Oggetto', body: 'Le parti collaborano alla rete.' },
      { number: '2', title: 'Durata', body: 'Tre anni.' },
      { number: '3', title: 'Impegni', body: 'Ogni parte indica i propri impegni.' },
    ]);
    expect(parseArticles(V2).map((article) => article.number)).toEqual([null, '1', '2-bis', '3']);
    expect(parseArticles('# Articolo 4\r\nTesto')).toEqual([{ number: '4', title: '', body: 'Testo' }]);
    expect(parseArticles('')).toEqual([]);
    // A heading that names no article stays inside the text of the article it is in.
    expect(parseArticles('## Art. 1 - Oggetto\n### Nota\nTesto')).toEqual([{ number: '1', title: 'Oggetto', body: '### Nota\nTesto' }]);
  });

  it('diffs two versions article by article: changed, added, removed (in its old place) and unchanged', () => {
    const diff = diffArticles(V1, V2);
    expect(diff.map((entry) => [entry.number, entry.change])).toEqual([
      [null, 'unchanged'],
      ['1', 'changed'],
      ['2', 'removed'],
      ['2-bis', 'added'],
      ['3', 'unchanged'],
    ]);
    const changed = diff[1]!;
    expect(changed.parts.filter((part) => part.kind === 'added').map((part) => part.text.trim())).toEqual(['territoriale']);
    expect(changed.parts.filter((part) => part.kind === 'removed')).toEqual([]);
    expect(changed.parts.map((part) => part.text).join('')).toBe('Oggetto\n\nLe parti collaborano alla rete territoriale.');
    expect(diff[2]!.parts).toEqual([{ kind: 'removed', text: 'Durata\n\nTre anni.' }]);
    expect(diff[3]!.parts).toEqual([{ kind: 'added', text: 'Cabina di regia\n\nIl distretto convoca la cabina di regia.' }]);
    expect(diff[4]!.parts).toEqual([{ kind: 'same', text: 'Impegni\n\nOgni parte indica i propri impegni.' }]);
  });

  it('puts a removed first article first, and a changed title counts as a change', () => {
    const diff = diffArticles('## Art. 1 - A\nx\n## Art. 2 - B\ny', '## Art. 2 - C\ny');
    expect(diff.map((entry) => [entry.number, entry.change])).toEqual([
      ['1', 'removed'],
      ['2', 'changed'],
    ]);
    expect(diffArticles(V1, V1).every((entry) => entry.change === 'unchanged')).toBe(true);
  });
});

describe('commitments', () => {
  it('is late only while open and past its due date (the due day itself is not late)', async () => {
    const { isCommitmentLate } = await import('./pacts');
    expect(isCommitmentLate({ status: 'planned', dueOn: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isCommitmentLate({ status: 'on_track', dueOn: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isCommitmentLate({ status: 'planned', dueOn: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isCommitmentLate({ status: 'done', dueOn: '2026-03-01' }, '2026-04-01')).toBe(false);
    expect(isCommitmentLate({ status: 'dropped', dueOn: '2026-03-01' }, '2026-04-01')).toBe(false);
    expect(isCommitmentLate({ status: 'late', dueOn: '2026-03-01' }, '2026-04-01')).toBe(false);
    expect(isCommitmentLate({ status: 'planned', dueOn: null }, '2026-04-01')).toBe(false);
  });

  it('moves a recurring due date by its period, keeping to the month', async () => {
    const { nextDueOn } = await import('./pacts');
    expect(nextDueOn('2026-01-31', 'monthly')).toBe('2026-02-28');
    expect(nextDueOn('2028-01-31', 'monthly')).toBe('2028-02-29');
    expect(nextDueOn('2026-11-15', 'quarterly')).toBe('2027-02-15');
    expect(nextDueOn('2026-12-31', 'monthly')).toBe('2027-01-31');
    expect(nextDueOn('2026-03-10', 'yearly')).toBe('2027-03-10');
    expect(nextDueOn('2026-03-10', 'none')).toBeNull();
  });
});
