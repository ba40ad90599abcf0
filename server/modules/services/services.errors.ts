import { AppError, notFound } from '../../platform/errors/app-error';

export const serviceNotFound = (id: string) => notFound('service', id);
export const taxonomyTermNotFound = (id: string) => notFound('taxonomy term', id);
export const duplicateTermCode = (code: string) =>
  new AppError('SERVICES.DUPLICATE_TERM_CODE', `A taxonomy term with code "${code}" already exists`, { fields: [{ path: 'code', message: 'already used', reason: 'already-used' }] });
