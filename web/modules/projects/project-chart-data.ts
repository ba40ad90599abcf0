/** One slice or bar of a chart: what it stands for (already in words), its value, and its share of the whole. */
export interface ChartSlice {
  key: string;
  label: string;
  value: number;
  /** value / total, 0 when the total is 0. */
  share: number;
}

/**
 * Sums values by key (several budget lines of one partner, several sources of one kind) and returns one slice per key,
 * largest first (ties by label, so the order is stable), labelled by `labelOf`. Zero slices are dropped: a chart of
 * nothing draws nothing, and the table beside it still lists every row.
 */
export function slicesByKey<Row>(rows: readonly Row[], keyOf: (row: Row) => string, valueOf: (row: Row) => number, labelOf: (key: string, row: Row) => string): ChartSlice[] {
  const totals = new Map<string, { label: string; value: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    const entry = totals.get(key);
    if (entry) entry.value += valueOf(row);
    else totals.set(key, { label: labelOf(key, row), value: valueOf(row) });
  }
  const total = [...totals.values()].reduce((sum, entry) => sum + entry.value, 0);
  return [...totals.entries()]
    .filter(([, entry]) => entry.value > 0)
    .map(([key, entry]) => ({ key, label: entry.label, value: entry.value, share: total > 0 ? entry.value / total : 0 }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

/** Counts rows by key (the partnership's organizations by their sector), as slices largest first. */
export function countsByKey<Row>(rows: readonly Row[], keyOf: (row: Row) => string, labelOf: (key: string, row: Row) => string): ChartSlice[] {
  return slicesByKey(rows, keyOf, () => 1, labelOf);
}

/** Colours of the slices, Bootstrap Italia's blues and complementary hues, each at least 3:1 against white. */
export const CHART_COLOURS = ['#0066cc', '#d9364f', '#008055', '#a66300', '#5c2d91', '#004d99', '#b3003a', '#00664a', '#7a4a00', '#3d1f61'] as const;

export function colourOfSlice(index: number): string {
  return CHART_COLOURS[index % CHART_COLOURS.length]!;
}
