import { notFound } from '../../platform/errors/app-error';

export const districtNotFound = (id: string) => notFound('district', id);
