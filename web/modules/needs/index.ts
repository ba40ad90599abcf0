/** What other web modules may use from needs (pages are reached through the router, not imported). */
export { needsListQuery } from './needs.queries';
export { useCategoryLabel } from './use-category-label';
