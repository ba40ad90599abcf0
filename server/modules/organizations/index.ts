export { createOrganization, type CreateOrganizationInput } from './create-organization';
export { getOrganization } from './get-organization';
export { listOrganizations } from './list-organizations';
export { importOrganizations, type ImportOptions } from './import-organizations';
export { mergeOrganizations } from './merge-organizations';
export { organizations } from './organizations.schema';
export { organizationsModule } from './organizations.module';
