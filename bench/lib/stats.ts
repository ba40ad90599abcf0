/** Timing helpers shared by the benchmarks. */

/** Milliseconds taken by `work`, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** The p-th percentile (0–100) of samples, by the nearest-rank method. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

/** Runs `work` `times` times in a row and returns each duration in milliseconds. */
export async function sampleDurations(times: number, work: (index: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < times; index++) {
    const start = performance.now();
    await work(index);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** The measured queries' p50/p95 and their results, beside the baseline's p50/p95 and how many baseline queries ran. */
export interface AgainstBaseline<R> {
  results: R[];
  p50: number;
  p95: number;
  baselineP50: number;
  baselineP95: number;
  baselineSamples: number;
}

/**
 * Times `run` over every item (the use case measured), then `baseline` over the same items in the same order (the
 * naive query to compare with) for at most `budgetMs`, so a slow baseline is sampled rather than waited for.
 */
export async function timeAgainstBaseline<T, R>(
  items: T[],
  run: (item: T) => Promise<R>,
  baseline: (item: T) => Promise<unknown>,
  budgetMs: number,
): Promise<AgainstBaseline<R>> {
  const samples: number[] = [];
  const results: R[] = [];
  for (const item of items) {
    const { ms, result } = await timed(() => run(item));
    samples.push(ms);
    results.push(result);
  }
  const baselineMs: number[] = [];
  const started = performance.now();
  for (const item of items) {
    if (performance.now() - started > budgetMs) break;
    baselineMs.push((await timed(() => baseline(item))).ms);
  }
  return {
    results,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    baselineP50: percentile(baselineMs, 50),
    baselineP95: percentile(baselineMs, 95),
    baselineSamples: baselineMs.length,
  };
}

/** The benchmarks' data generators share the tests' seeded PRNG. */
export { seededRandom } from '../../server/platform/testing/seeded-random';

export const formatMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
export const formatBytes = (bytes: number): string =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
