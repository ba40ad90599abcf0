/**
 * Benchmark runner: `npm run bench -- <name> [<name>…]` (or `all`). Each benchmark prints a Markdown table and writes
 * its raw numbers to bench/results/. Benchmarks are not tests: they never fail on slow numbers.
 */
import type { Benchmark } from './lib/benchmark';
import { markdownTable, writeResults } from './lib/report';

/** Add a benchmark here: name → module exporting `benchmark`. Loaded lazily so one benchmark's set-up never runs for another. */
const REGISTRY: Record<string, () => Promise<{ benchmark: Benchmark }>> = {
  territory: () => import('./territory.bench'),
  responsiveness: () => import('./embedded-responsiveness.bench'),
  organizations: () => import('./organizations.bench'),
  services: () => import('./services.bench'),
  zonings: () => import('./zonings.bench'),
  surveys: () => import('./surveys.bench'),
  matching: () => import('./matching.bench'),
  jobs: () => import('./jobs.bench'),
  knowledge: () => import('./knowledge.bench'),
  projects: () => import('./projects.bench'),
  pacts: () => import('./pacts.bench'),
};

function usage(): string {
  return `Usage: npm run bench -- <${Object.keys(REGISTRY).join('|')}|all> …`;
}

async function main(argv: string[]): Promise<number> {
  const requested = argv.includes('all') ? Object.keys(REGISTRY) : argv;
  if (requested.length === 0) {
    console.error(usage());
    return 2;
  }
  const unknown = requested.filter((name) => !(name in REGISTRY));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}\n${usage()}`);
    return 2;
  }
  for (const name of requested) {
    const { benchmark } = await REGISTRY[name]!();
    console.log(`\n## ${benchmark.name}: ${benchmark.description}\n`);
    const started = performance.now();
    const result = await benchmark.run((line) => console.log(line));
    const seconds = (performance.now() - started) / 1000;
    console.log(`\n### ${result.title}\n`);
    console.log(markdownTable(result.columns, result.rows));
    for (const note of result.notes ?? []) console.log(`\n${note}`);
    const path = writeResults(name, {
      benchmark: name,
      ranAt: new Date().toISOString(),
      durationSeconds: Number(seconds.toFixed(1)),
      node: process.version,
      ...((typeof result.data === 'object' && result.data) || { data: result.data }),
    });
    console.log(`\n(${seconds.toFixed(1)} s; results in ${path})`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
