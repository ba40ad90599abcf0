import type { TZoningImportReport } from '../../../common/contracts/zonings';
import { AppError, notFound } from '../../platform/errors/app-error';

export const zoningNotFound = (id: string) => notFound('zoning', id);
export const zoneNotFound = (id: string) => notFound('zone', id);

/** The file was refused: the message says how many problems, `details.report` lists each one. Nothing was written. */
export function invalidZoningFile(report: TZoningImportReport): AppError {
  const first = report.problems.find((p) => p.severity === 'error');
  return new AppError(
    'ZONINGS.INVALID_FILE',
    `The zoning file has ${report.errorCount} problem(s); nothing was imported. First: ${first?.message ?? 'unknown'}`,
    { report },
  );
}

export const duplicateZoningName = (name: string, existingId: string) =>
  new AppError('ZONINGS.DUPLICATE_NAME', `A zoning called "${name}" already exists`, { name, existingId, fields: [{ path: 'name', message: 'a zoning with this name already exists', reason: 'already-used' }] });
