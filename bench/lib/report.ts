import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

/** A GitHub-flavoured Markdown table; numbers are right-aligned. */
export function markdownTable(columns: string[], rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String));
  const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((row) => (row[index] ?? '').length)));
  const isNumeric = columns.map((_, index) => rows.length > 0 && rows.every((row) => /^[\d.,\s%-]*\d[\d.,\s%a-zA-Z×]*$/.test(String(row[index]))));
  const line = (values: string[]) =>
    `| ${values.map((value, index) => (isNumeric[index] ? value.padStart(widths[index]!) : value.padEnd(widths[index]!))).join(' | ')} |`;
  const separator = `|${widths.map((width, index) => (isNumeric[index] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(columns), separator, ...cells.map(line)].join('\n');
}

/** Writes a benchmark's results to bench/results/<name>-<timestamp>.json and returns the path. */
export function writeResults(name: string, results: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = join(RESULTS_DIR, `${name}-${stamp}.json`);
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
