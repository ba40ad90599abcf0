export { districtsModule } from './districts.module';
export { createDistrict, type CreateDistrictInput } from './create-district';
export { getDistrict } from './get-district';
export { listDistricts } from './list-districts';
export { updateDistrict } from './update-district';
export { DEMO_COORDINATOR, DEMO_ORGANIZATION_ADMIN, DEMO_RADIUS_KM, PINEROLO_ISTAT_CODE } from './fixtures/demo-pinerolese.seed';
export { districts, districtMunicipalities, districtMemberships } from './districts.schema';
/**
 * Current memberships (ADR 0020): accepted, started, not ended. SQL in other modules reads the view
 * `current_district_memberships` (CURRENT_DISTRICT_MEMBERSHIPS_VIEW), never `district_memberships` with its own
 * rule; use cases may call the two helpers instead.
 */
export { CURRENT_DISTRICT_MEMBERSHIPS_VIEW, currentDistrictMemberships } from './districts.schema';
export { selectCurrentMemberOrganizationIds as currentMemberOrganizationIds, selectIsCurrentDistrictMember as isCurrentDistrictMember } from './districts.repository';
export { listDistrictPendingMemberships } from './list-pending-memberships';
export { hasDemoDistrict } from './has-demo-district';
export { defineDistrictArea } from './define-district-area';
export { DISTRICT_AREA_CHANGED, ZDistrictAreaChanged, type TDistrictAreaChanged } from './district-events';
export { createDistrictBody } from './create-district-body';
export { addDistrictBodyMember } from './add-district-body-member';
export { endDistrictBodyMember } from './end-district-body-member';
export { districtBodies, districtBodyMembers } from './districts.schema';
export { seedDemoPinerolese } from './fixtures/demo-pinerolese.seed';
