/** What other web modules may use from projects (pages are reached through the router, not imported). */
export { projectPaths } from './project-paths';
/** The button of a matching proposal's page that starts a project from it. */
export { StartProjectFromProposalLink } from './start-project-link';
/** Links to the projects of a district (district page, coordinator's home) and of an organization (its people's home). */
export { DistrictProjectsLink, OrganizationProjectsLink } from './project-links';
