import { AppError } from '../../platform/errors/app-error';

/** 409: the territory has never been imported (run `distretto territory import`, or start the app once). */
export function territoryNotLoaded(): AppError {
  return new AppError('TERRITORY.NOT_LOADED', 'The territory has not been imported yet', {});
}
