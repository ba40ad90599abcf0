import type { LabelsErrorCode } from '../../../common/contracts/labels.errors';
import { AppError } from '../../platform/errors/app-error';

/** A labels error naming its field, in the shape the web reads (`details.fields`). */
export function labelError(code: LabelsErrorCode, path: string, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(code, `${path}: ${message}`, { fields: [{ path, message }], ...extra });
}
