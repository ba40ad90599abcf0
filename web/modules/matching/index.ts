/** What other web modules may use from matching (pages are reached through the router, not imported). */
export { matchingPaths } from './matching-paths';
