import type { ModuleManifest } from '../../platform/module';
import { homeRoutes } from './home.routes';

/**
 * Each person's home (issue 14): no table of its own; it reads what the other modules publish, narrowed to the
 * person's own districts and organizations.
 */
export const homeModule: ModuleManifest = {
  name: 'home',
  ownsTables: [],
  routes: homeRoutes,
};
