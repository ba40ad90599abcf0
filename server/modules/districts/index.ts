export { districtsModule } from './districts.module';
export { createDistrict, type CreateDistrictInput } from './create-district';
export { getDistrict } from './get-district';
export { listDistricts } from './list-districts';
export { updateDistrict } from './update-district';
export { DEMO_COORDINATOR, DEMO_RADIUS_KM, PINEROLO_ISTAT_CODE } from './fixtures/demo-pinerolese.seed';
export { districts, districtMunicipalities, districtMemberships } from './districts.schema';
export { hasDemoDistrict } from './has-demo-district';
