/** What other web modules may use from districts (pages are reached through the router, not imported). */
export { districtBoundariesQuery, districtQuery, districtsQuery } from './districts.queries';
