import type { z } from 'zod';
import { AppError } from './app-error';

/**
 * Validates a use case's input against its zod schema and turns problems into one 422 naming every bad field,
 * so the CLI and importers, which have no HTTP contract in front of them, get the same errors as the API.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(input)', message: issue.message }));
  throw new AppError('COMMON.VALIDATION', fields.map((field) => `${field.path}: ${field.message}`).join('; '), { fields });
}
