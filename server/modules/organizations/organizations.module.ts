import { ORGANIZATIONS_ERROR_CODES } from '../../../common/contracts/organizations.errors';
import type { ModuleManifest } from '../../platform/module';
import { organizationsRoutes } from './organizations.routes';

/** The registry of a district's actors: directory, profiles with people and roles, import, duplicates and merge. */
export const organizationsModule: ModuleManifest = { name: 'organizations', routes: organizationsRoutes, errorCodes: ORGANIZATIONS_ERROR_CODES };
