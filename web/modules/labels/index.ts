/** What other web modules may use from labels (pages are reached through the router, not imported). */
export { labelPaths } from './label-paths';
/** The link to the label schemes and applications (district page, coordinators' home). */
export { LabelsLink } from './labels-link';
