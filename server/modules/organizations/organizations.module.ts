import { ORGANIZATIONS_ERROR_CODES } from '../../../common/contracts/organizations.errors';
import type { ModuleManifest } from '../../platform/module';
import { seedDemoRealOrganizations } from './fixtures/demo-real-organizations.seed';
import { organizationsRoutes } from './organizations.routes';

/** The registry of a district's actors: directory, profiles with people and roles, import, duplicates and merge. */
export const organizationsModule: ModuleManifest = {
  name: 'organizations',
  routes: organizationsRoutes,
  ownsTables: ['organizations', 'organization_versions', 'people', 'person_roles', 'organization_relationships', 'organization_duplicate_flags', 'organization_import_mappings', 'organization_imports', 'organization_names', 'organization_public_fields'],
  publishes: ['organization_names', 'organization_public_fields'],
  errorCodes: ORGANIZATIONS_ERROR_CODES,
  // After the demo district exists (server/demo): the real organizations of its municipalities, from the 5x1000 list.
  seedDemo: seedDemoRealOrganizations,
};
