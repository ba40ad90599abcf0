import { AppError } from '../platform/errors/app-error';
import { ConfigError } from '../platform/config/config';
import { DataFolderLockedError } from '../platform/db/data-folder-lock';
import { MigrationError } from '../platform/db/migrations';

/** Exit codes of `distretto`, documented in `distretto --help` and the README. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  invalidInput: 3,
  unavailable: 4,
  migration: 5,
} as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof AppError) return error.status < 500 ? EXIT.invalidInput : EXIT.failure;
  if (error instanceof ConfigError) return EXIT.usage;
  if (error instanceof DataFolderLockedError) return EXIT.unavailable;
  if (error instanceof MigrationError) return EXIT.migration;
  return EXIT.failure;
}

export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const fields = (error.details?.fields as { path: string; message: string }[] | undefined) ?? [];
    return [`${error.code}: ${error.message}`, ...fields.map((f) => `  - ${f.path}: ${f.message}`)].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}
