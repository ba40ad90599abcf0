export { createOrganization, type CreateOrganizationInput } from './create-organization';
export { organizations } from './organizations.schema';
export { organizationsModule } from './organizations.module';
