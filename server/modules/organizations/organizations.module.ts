import type { ModuleManifest } from '../../platform/module';
import { organizationsRoutes } from './organizations.routes';
import { moveMunicipalityCodes } from './move-municipality-codes';

/** The registry of a district's actors: directory, profiles with people and roles, import, duplicates and merge. */
export const organizationsModule: ModuleManifest = {
  name: 'organizations',
  routes: organizationsRoutes,
  ownsTables: ['organizations', 'organization_versions', 'people', 'person_roles', 'organization_relationships', 'organization_duplicate_flags', 'organization_import_mappings', 'organization_imports', 'organization_names', 'organization_public_fields'],
  moveMunicipalityCodes,
  publishes: ['organization_names', 'organization_public_fields'],
};
