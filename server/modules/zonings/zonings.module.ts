import { ZONINGS_ERROR_CODES } from '../../../common/contracts/zonings.errors';
import type { ModuleManifest } from '../../platform/module';
import { seedExampleZonings } from './fixtures/example-zonings.seed';
import { zoningsRoutes } from './zonings.routes';

/** Zonings: several maps of the same municipalities and where they fail to coincide. */
export const zoningsModule: ModuleManifest = {
  name: 'zonings',
  errorCodes: ZONINGS_ERROR_CODES,
  routes: zoningsRoutes,
  seedDemo: seedExampleZonings,
};
