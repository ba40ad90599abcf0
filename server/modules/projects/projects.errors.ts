import { AppError } from '../../platform/errors/app-error';
import type { ProjectsErrorCode } from '../../../common/contracts/projects.errors';

/** A projects error naming its field, in the shape the web reads (`details.fields`). */
export function projectError(code: ProjectsErrorCode, path: string, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(code, `${path}: ${message}`, { fields: [{ path, message }], ...extra });
}
