import { describe, expect, it } from 'vitest';
import { countChangedWords, joinSegments, refineSegments } from './minutes-diff';

describe('refineSegments', () => {
  it('turns a replaced line into the words that changed in it', () => {
    const segments = refineSegments([
      { kind: 'same', text: '# Verbale\n' },
      { kind: 'removed', text: 'Presenti: cinque enti. Si decide di rinviare.\n' },
      { kind: 'added', text: 'Presenti: sei enti. Si decide di rinviare.\n' },
      { kind: 'same', text: 'Fine.\n' },
    ]);
    expect(segments).toEqual([
      { kind: 'same', text: '# Verbale\nPresenti: ' },
      { kind: 'removed', text: 'cinque' },
      { kind: 'added', text: 'sei' },
      { kind: 'same', text: ' enti. Si decide di rinviare.\nFine.\n' },
    ]);
    expect(countChangedWords(segments)).toEqual({ added: 1, removed: 1 });
  });

  it('keeps a line only added, or only removed, whole', () => {
    const segments = refineSegments([
      { kind: 'same', text: 'Prima riga.\n' },
      { kind: 'added', text: 'Seconda riga aggiunta.\n' },
      { kind: 'same', text: 'Terza.\n' },
      { kind: 'removed', text: 'Quarta tolta.\n' },
    ]);
    expect(segments).toEqual([
      { kind: 'same', text: 'Prima riga.\n' },
      { kind: 'added', text: 'Seconda riga aggiunta.\n' },
      { kind: 'same', text: 'Terza.\n' },
      { kind: 'removed', text: 'Quarta tolta.\n' },
    ]);
    expect(countChangedWords(segments)).toEqual({ added: 3, removed: 2 });
  });

  it('finds nothing changed in a diff of equal texts', () => {
    const segments = refineSegments([{ kind: 'same', text: 'Uguale.\n' }]);
    expect(countChangedWords(segments)).toEqual({ added: 0, removed: 0 });
  });
});

describe('joinSegments', () => {
  it('joins neighbouring stretches of one kind and drops empty ones', () => {
    expect(
      joinSegments([
        { kind: 'same', text: 'a ' },
        { kind: 'added', text: 'b' },
        { kind: 'added', text: ' c' },
        { kind: 'same', text: '' },
        { kind: 'removed', text: 'd' },
      ]),
    ).toEqual([
      { kind: 'same', text: 'a ' },
      { kind: 'added', text: 'b c' },
      { kind: 'removed', text: 'd' },
    ]);
  });
});
