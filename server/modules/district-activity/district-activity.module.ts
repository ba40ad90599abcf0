import type { ModuleManifest } from '../../platform/module';
import { districtActivityRoutes } from './district-activity.routes';

/**
 * What a district is doing, counted from the modules that own it (surveys, needs, matching) for the district page:
 * a read-only module downstream of them all, so none of them depends on another to be counted. No tables.
 */
export const districtActivityModule: ModuleManifest = {
  name: 'district-activity',
  ownsTables: [],
  routes: districtActivityRoutes,
};
