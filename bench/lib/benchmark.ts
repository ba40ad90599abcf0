/** What every benchmark in bench/ exports, so the runner can pick it by name. */
export interface BenchmarkResult {
  /** Printed above the table. */
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** Lines printed under the table (what the numbers mean, what was skipped). */
  notes?: string[];
  /** Everything measured, written to bench/results/<name>-<timestamp>.json. */
  data: unknown;
}

export interface Benchmark {
  name: string;
  description: string;
  run(log: (line: string) => void): Promise<BenchmarkResult>;
}
