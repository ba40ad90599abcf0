import { NEEDS_ERROR_CODES } from '../../../common/contracts/needs.errors';
import type { ModuleManifest } from '../../platform/module';
import { seedDemoNeeds } from './fixtures/demo-needs.seed';
import { needsRoutes } from './needs.routes';

/** The needs register: needs entered by hand or produced by survey answers, browsed, counted and mapped. */
export const needsModule: ModuleManifest = {
  name: 'needs',
  errorCodes: NEEDS_ERROR_CODES,
  routes: needsRoutes,
  seedDemo: seedDemoNeeds,
};
