export { districtActivityModule } from './district-activity.module';
export { getDistrictActivity } from './get-district-activity';
