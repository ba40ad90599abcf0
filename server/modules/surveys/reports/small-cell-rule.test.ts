import { describe, expect, it } from 'vitest';
import { isSmallCount, isSmallGroup, SMALL_CELL_MIN, suppressGroup, suppressTable } from './small-cell-rule';

/** Finding 4 (issue 11): the shared report's small-cell rule, pinned. A change of threshold or step fails here. */
describe('small-cell rule', () => {
  it('finding 4: the threshold is 3 respondents; 0 is not a small count', () => {
    expect(SMALL_CELL_MIN).toBe(3);
    expect([0, 1, 2, 3, 4].map(isSmallCount)).toEqual([false, true, true, false, false]);
  });

  it('finding 4: a group with no small cell shows everything, zeros included', () => {
    expect(suppressGroup([3, 0, 5], { hasTotal: true })).toEqual({ hidden: [false, false, false], isTotalHidden: false });
  });

  it('finding 4: counts never show 0 beside a hidden 1–2 cell', () => {
    // a = 3, b = 0, other = 1 with 4 respondents published: "0" and the total would give other = 1
    const { hidden } = suppressGroup([3, 0, 1], { hasTotal: true });
    expect(hidden[1]).toBe(true);
    expect(hidden[2]).toBe(true);
  });

  it('finding 4: complementary suppression — the hidden cells of a group with a published total never sum to 1 or 2', () => {
    // one hidden cell of 2 beside 5 and 7: total − shown = 2 → the smallest shown (5) is hidden too
    expect(suppressGroup([5, 2, 7], { hasTotal: true }).hidden).toEqual([true, true, false]);
    // two hidden cells 1 + 1 = 2 still small → one more
    expect(suppressGroup([1, 1, 4, 9], { hasTotal: true }).hidden).toEqual([true, true, true, false]);
    // 1 + 2 = 3: enough
    expect(suppressGroup([1, 2, 4], { hasTotal: true }).hidden).toEqual([true, true, false]);
    // nothing left to hide: the total goes
    expect(suppressGroup([2], { hasTotal: true })).toEqual({ hidden: [true], isTotalHidden: true });
    for (const counts of [[1, 0, 0, 8], [2, 3, 3], [1, 5], [2, 2, 0, 6, 6]]) {
      const { hidden, isTotalHidden } = suppressGroup(counts, { hasTotal: true });
      const hiddenSum = counts.reduce((sum, n, index) => sum + (hidden[index] ? n : 0), 0);
      expect(isTotalHidden || hiddenSum === 0 || hiddenSum >= 3, JSON.stringify(counts)).toBe(true);
    }
  });

  it('finding 4: without a published total (multiple choice) only primary cells and their zeros are hidden', () => {
    expect(suppressGroup([5, 2, 0, 7], { hasTotal: false }).hidden).toEqual([false, true, true, false]);
  });

  it('finding 4: a cross-tab is suppressed by rows and columns until no hidden cell can be derived from a margin', () => {
    const cells = [
      [2, 5, 6],
      [4, 4, 3],
      [6, 0, 9],
    ];
    const { hidden } = suppressTable(cells, { hasRowTotals: true, hasColumnTotals: true });
    const sums = (lines: number[][], flags: boolean[][]) => lines.map((line, i) => line.reduce((sum, n, j) => sum + (flags[i]![j] ? n : 0), 0));
    const columns = cells[0]!.map((_, j) => cells.map((row) => row[j]!));
    const columnFlags = cells[0]!.map((_, j) => hidden.map((row) => row[j]!));
    for (const sum of [...sums(cells, hidden), ...sums(columns, columnFlags)]) expect(sum === 0 || sum >= 3).toBe(true);
    expect(hidden[0]![0]).toBe(true);
  });

  it('finding 4: a filter must leave 0 or at least 3 respondents inside it and outside it', () => {
    expect(isSmallGroup(1, 10)).toBe(true); // the only firm
    expect(isSmallGroup(8, 10)).toBe(true); // all but two: the whole report minus this one describes them
    expect(isSmallGroup(5, 10)).toBe(false);
    expect(isSmallGroup(10, 10)).toBe(false);
    expect(isSmallGroup(0, 10)).toBe(false);
  });
});
