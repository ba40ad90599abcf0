import { diffWords } from 'diff';

/** One stretch of the text between two versions of minutes: kept, added in the newer one, or removed from the older. */
export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Neighbours of the same kind joined, empty stretches left out. */
export function joinSegments(segments: readonly DiffSegment[]): DiffSegment[] {
  const joined: DiffSegment[] = [];
  for (const segment of segments) {
    if (segment.text === '') continue;
    const last = joined.at(-1);
    if (last && last.kind === segment.kind) last.text += segment.text;
    else joined.push({ ...segment });
  }
  return joined;
}

function wordSegments(before: string, after: string): DiffSegment[] {
  return diffWords(before, after).map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
}

/**
 * The server's line diff made readable: a run of removed lines followed by the added lines that replace them is
 * compared word by word, so a corrected figure in a long paragraph marks that word, not the whole paragraph twice.
 */
export function refineSegments(lineSegments: readonly DiffSegment[]): DiffSegment[] {
  const segments = joinSegments(lineSegments);
  const refined: DiffSegment[] = [];
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!;
    const next = segments[index + 1];
    if (segment.kind === 'removed' && next?.kind === 'added') {
      refined.push(...wordSegments(segment.text, next.text));
      index += 1;
    } else {
      refined.push(segment);
    }
  }
  return joinSegments(refined);
}

/** How many words were added and removed: the summary read before the marked text. */
export function countChangedWords(segments: readonly DiffSegment[]): { added: number; removed: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let added = 0;
  let removed = 0;
  for (const segment of segments) {
    if (segment.kind === 'added') added += words(segment.text);
    if (segment.kind === 'removed') removed += words(segment.text);
  }
  return { added, removed };
}
