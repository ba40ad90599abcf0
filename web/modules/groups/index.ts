/** What other web modules may use from groups (pages are reached through the router, not imported). */
export { DistrictGroupsLink } from './district-groups-link';
export { groupsPaths } from './groups-paths';
export { HomeGroupsCard } from './home-groups-card';
