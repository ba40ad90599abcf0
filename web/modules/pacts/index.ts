/** What other web modules may use from pacts (pages are reached through the router, not imported). */
export { pactPaths } from './pact-paths';
/** Links to a district's pacts (district page, coordinator's home) and to the pacts list (an organization's home). */
export { DistrictPactsLink, PactsLink } from './pact-links';
