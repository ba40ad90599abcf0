import { AppError } from '../../platform/errors/app-error';

export function invalidStatusChange(from: string, to: string): AppError {
  return new AppError('NEEDS.INVALID_STATUS_CHANGE', `A need cannot go from ${from} to ${to}; reopen it first`, { from, to });
}
