import type { ModuleManifest } from '../../platform/module';
import { moveMergedOrganization } from './move-merged-organization';
import { districtsRoutes } from './districts.routes';
import { moveMunicipalityCodes } from './move-municipality-codes';

export const districtsModule: ModuleManifest = {
  name: 'districts',
  ownsTables: ['districts', 'district_municipalities', 'district_memberships', 'district_bodies', 'district_body_members', 'current_district_memberships',
    'district_names', 'district_area_municipalities', 'district_membership_records'],
  // A district's area as (district_id, municipality_code) pairs, and its current memberships (ADR 0020).
  publishes: ['current_district_memberships', 'district_municipalities', 'district_names', 'district_area_municipalities', 'district_membership_records'],
  routes: districtsRoutes,
  mergeOrganization: moveMergedOrganization,
  moveMunicipalityCodes,
};
