/** What other web modules may use from territory (pages are reached through the router, not imported). */
export { reconciliationQuery, municipalityQuery, municipalityLookupQuery, regionsQuery } from './territory.queries';
export { usePopulationClasses, populationClasses, type PopulationClasses } from './population-classes';
export { usePopulationFormatters } from './territory-format';
export { describeReconciliation } from './reconciliation-note';
export { MunicipalityPicker, type PickedMunicipality } from './municipality-picker';
export { useBoundariesAround } from './boundaries-around';
