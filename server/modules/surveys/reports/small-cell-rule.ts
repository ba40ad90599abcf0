import { SMALL_CELL_MIN } from '../../../../common/contracts/survey-reports';

/**
 * The small-cell rule of the shared survey report (ADR 0016, ADR 0021), pure so that its tests pin it down:
 *
 * 1. Primary: a count of 1 or 2 respondents is hidden (0 and 3+ are not small).
 * 2. Zeros: in a group with a hidden cell, its zeros are hidden too — a "0" beside a hidden cell narrows where the
 *    hidden respondents are.
 * 3. Complementary: a group whose total is published lets a reader compute the hidden cells' sum (total − shown).
 *    That sum must be 0 or at least 3: while it is 1 or 2, the smallest shown cell is hidden as well. When no cell is
 *    left to hide, the total itself must be hidden (`isTotalHidden`).
 * 4. A table (cross-tab) applies 2 and 3 to every column and every row until nothing changes.
 * 5. A filter of the shared report must leave 0 or at least 3 respondents inside it AND outside it: otherwise the
 *    filtered report, or the whole report minus it, describes 1 or 2 organizations (see `isSmallGroup`).
 */
export { SMALL_CELL_MIN };

export const isSmallCount = (n: number): boolean => n > 0 && n < SMALL_CELL_MIN;

/** Whether a set of respondents, or the rest of them, is 1 or 2: a filter that isolates it is refused. */
export function isSmallGroup(inside: number, total: number): boolean {
  return isSmallCount(inside) || isSmallCount(total - inside);
}

export interface GroupSuppression {
  /** One flag per cell, in the cells' order. */
  hidden: boolean[];
  /** The group's published total must be hidden too (the hidden cells' sum could not reach 3). */
  isTotalHidden: boolean;
}

/**
 * Steps 1–3 over one group (the bars of a question, the kinds of the response rates, a row or column of a table).
 * `alreadyHidden` carries flags decided elsewhere (the other direction of a table). `hasTotal`: the group's sum is
 * published or derivable; without it step 3 does not apply (multiple choice: cells overlap, no exact total).
 */
export function suppressGroup(counts: number[], options: { hasTotal: boolean; alreadyHidden?: boolean[] }): GroupSuppression {
  const hidden = counts.map((n, index) => Boolean(options.alreadyHidden?.[index]) || isSmallCount(n));
  if (!hidden.some(Boolean)) return { hidden, isTotalHidden: false };
  counts.forEach((n, index) => {
    if (n === 0) hidden[index] = true;
  });
  if (!options.hasTotal) return { hidden, isTotalHidden: false };
  for (;;) {
    const hiddenSum = counts.reduce((sum, n, index) => sum + (hidden[index] ? n : 0), 0);
    if (hiddenSum === 0 || hiddenSum >= SMALL_CELL_MIN) return { hidden, isTotalHidden: false };
    let smallest = -1;
    counts.forEach((n, index) => {
      if (!hidden[index] && (smallest === -1 || n < counts[smallest]!)) smallest = index;
    });
    if (smallest === -1) return { hidden, isTotalHidden: true };
    hidden[smallest] = true;
  }
}

/**
 * Step 4: a table whose column totals and row totals are published (the column respondents, and the question's own
 * bars for the rows). Returns the hidden flags per [row][column] and which column totals must be hidden.
 */
export function suppressTable(cells: number[][], options: { hasRowTotals: boolean; hasColumnTotals: boolean }): { hidden: boolean[][]; hiddenColumnTotals: boolean[] } {
  const rowCount = cells.length;
  const columnCount = cells[0]?.length ?? 0;
  const hidden = cells.map((row) => row.map(isSmallCount));
  const hiddenColumnTotals = Array.from({ length: columnCount }, () => false);
  for (let changed = true; changed; ) {
    changed = false;
    for (let column = 0; column < columnCount; column += 1) {
      const result = suppressGroup(cells.map((row) => row[column]!), { hasTotal: options.hasColumnTotals, alreadyHidden: hidden.map((row) => row[column]!) });
      result.hidden.forEach((flag, row) => {
        if (flag && !hidden[row]![column]) (hidden[row]![column] = true), (changed = true);
      });
      if (result.isTotalHidden) hiddenColumnTotals[column] = true;
    }
    for (let row = 0; row < rowCount; row += 1) {
      const result = suppressGroup(cells[row]!, { hasTotal: options.hasRowTotals, alreadyHidden: hidden[row] });
      result.hidden.forEach((flag, column) => {
        if (flag && !hidden[row]![column]) (hidden[row]![column] = true), (changed = true);
      });
    }
  }
  return { hidden, hiddenColumnTotals };
}
