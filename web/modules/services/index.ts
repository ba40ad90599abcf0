/** What other web modules may use from services (pages are reached through the router, not imported). */
export { taxonomyQuery } from './services.queries';
