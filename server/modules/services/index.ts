export { servicesModule } from './services.module';
export { createService, validateServiceInput } from './create-service';
export { updateService } from './update-service';
export { confirmService } from './confirm-service';
export { getService } from './get-service';
export { searchServices } from './search-services';
export { listStaleServices, staleCutoff } from './list-stale-services';
export { listTaxonomyTerms } from './list-taxonomy-terms';
export { createTaxonomyTerm } from './create-taxonomy-term';
export { updateTaxonomyTerm } from './update-taxonomy-term';
export { exportHsds, getHsds, listHsds, type HsdsExport } from './read-hsds';
export { importServicesCsv, SERVICE_CSV_COLUMNS } from './services.importer';
export { DEMO_SERVICES, seedDemoServices } from './fixtures/demo-services.seed';
/** The naive ILIKE search, only for the benchmark's baseline (bench/services.bench.ts). */
export { selectServicePageNaive as selectServicePageNaiveForBenchmark } from './service-search.repository';
export { rebuildServiceSupply, SUPPLY_RADII_KM } from './service-supply';
/** Published for other modules' SQL: category labels and codes, a service's name, the demo services. */
export {
  categoryLabelSql, countStaleServicesOfDistricts, selectCategoryLabelsOf, countStaleServicesOfOrganizations, selectDemoServiceNames, selectExistingCategoryCodes, selectServiceExists, serviceNameSql,
} from './services-published.repository';
export { queueSupplyRebuild, SUPPLY_REBUILD_JOB } from './queue-supply-rebuild';
/** For benchmarks that load places in SQL: the copies of each service's places on its row, rewritten from them. */
export { rewriteAllPlacesCopies as rewriteAllPlacesCopiesForBenchmark } from './services.repository';
/**
 * The Italian full-text search, for other modules' searches (practices): what a visitor typed understood as the services
 * search understands it (folded, stop words dropped, synonyms expanded: search-query.ts), and that understanding as a
 * tsquery over vectors built with this module's text search configurations `distretto_italian` (unaccent + Italian
 * stems) and `distretto_simple` (unaccent, for prefixes), created by its migration 202611220300_services.sql.
 */
export { parseSearchQuery as parseItalianSearchQuery, type ParsedQuery as ParsedSearchQuery, SEARCH_SYNONYMS } from './search-query';
export { tsQueryOf as italianTsQuerySql, type PrefixTsQuery } from './service-search.repository';
