/**
 * Classification for choropleth maps. `breaks` are the lower bounds of every class but the first, strictly
 * increasing: with breaks [10, 20] a value < 10 is in class 0, 10 ≤ v < 20 in class 1, v ≥ 20 in class 2.
 * This is exactly what a MapLibre `step` expression needs.
 */

/** Rounds to `digits` significant figures so legend labels read 1.200 rather than 1.187. */
export function roundToSignificant(value: number, digits = 2): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** (magnitude - digits + 1);
  return Math.round(value / factor) * factor;
}

/**
 * Quantile breaks: about the same number of features in every class. Returns at most `classCount - 1`
 * strictly increasing thresholds (fewer when many values are equal), rounded for readability.
 */
export function quantileBreaks(values: readonly number[], classCount = 6, significantDigits = 2): number[] {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length < 2 || classCount < 2) return [];
  const min = sorted[0]!;
  const breaks: number[] = [];
  for (let i = 1; i < classCount; i += 1) {
    const position = (i * sorted.length) / classCount;
    const raw = sorted[Math.min(sorted.length - 1, Math.floor(position))]!;
    const rounded = roundToSignificant(raw, significantDigits);
    const last = breaks[breaks.length - 1];
    if (rounded > min && (last === undefined || rounded > last)) breaks.push(rounded);
  }
  return breaks;
}

/** Which class a value falls in (0 … breaks.length). */
export function classIndex(value: number, breaks: readonly number[]): number {
  let index = 0;
  while (index < breaks.length && value >= breaks[index]!) index += 1;
  return index;
}

export interface ClassRange {
  /** Smallest value in the class (the data minimum for the first class). */
  from: number;
  /** Largest value in the class (the data maximum for the last class). */
  to: number;
  count: number;
}

/**
 * The closed range of each class for integer data, for legend labels ("1.200 – 2.499"): class i spans
 * [breaks[i-1], breaks[i] - 1]; the first starts at the minimum, the last ends at the maximum.
 */
export function integerClassRanges(values: readonly number[], breaks: readonly number[]): ClassRange[] {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const counts = new Array<number>(breaks.length + 1).fill(0);
  for (const value of finite) counts[classIndex(value, breaks)]! += 1;
  return counts.map((count, index) => ({
    from: index === 0 ? min : breaks[index - 1]!,
    to: index === breaks.length ? max : breaks[index]! - 1,
    count,
  }));
}
