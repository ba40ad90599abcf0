export { districtsModule } from './districts.module';
export { createDistrict, type CreateDistrictInput } from './create-district';
export { getDistrict } from './get-district';
/** A district's row (name, area definition) without access check, for modules that have already checked theirs. */
export { selectDistrictRow as findDistrictRow } from './districts.repository';
export { listDistricts } from './list-districts';
export { updateDistrict } from './update-district';
export { districts, districtMunicipalities, districtMemberships } from './districts.schema';
/**
 * Current memberships (ADR 0020): accepted, started, not ended. SQL in other modules reads the view
 * `current_district_memberships` (CURRENT_DISTRICT_MEMBERSHIPS_VIEW), never `district_memberships` with its own
 * rule; use cases may call the two helpers instead.
 */
export { CURRENT_DISTRICT_MEMBERSHIPS_VIEW, currentDistrictMemberships } from './districts.schema';
export { selectCurrentMemberOrganizationIds as currentMemberOrganizationIds, selectIsCurrentDistrictMember as isCurrentDistrictMember } from './districts.repository';
export { listDistrictPendingMemberships } from './list-pending-memberships';
/**
 * Memberships as an organization proposes, answers and ends them (the organizations module checks the rights):
 * named, audited writes. Other modules read memberships of any status from the view `district_membership_records`,
 * a district's header from `district_names` and its area from `district_area_municipalities` (migration
 * 202612061300_published_views.sql).
 */
export {
  districtExists, findDistrictMembership, findOpenDistrictMembership, recordDistrictMembershipAnswer, recordDistrictMembershipEnd,
  recordDistrictMembershipProposal, type DistrictMembershipRow,
} from './district-membership-records';
export { hasDemoDistrict } from './has-demo-district';
export { defineDistrictArea } from './define-district-area';
export { DISTRICT_AREA_CHANGED, ZDistrictAreaChanged, type TDistrictAreaChanged } from './district-events';
export { createDistrictBody } from './create-district-body';
export { addDistrictBodyMember } from './add-district-body-member';
export { endDistrictBodyMember } from './end-district-body-member';
export { districtBodies, districtBodyMembers } from './districts.schema';
