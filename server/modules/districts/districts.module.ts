import type { ModuleManifest } from '../../platform/module';
import { districtsRoutes } from './districts.routes';

export const districtsModule: ModuleManifest = {
  name: 'districts',
  routes: districtsRoutes,
};
