/** What other web modules may use from zonings (pages are reached through the router, not imported). */
export { zoningsQuery, zoningQuery } from './zonings.queries';
