// The territory module's public surface: other modules, the CLI and the app import only from here.
export { territoryModule } from './territory.module';
export { territoryRoutes, type TerritoryRoutesDeps } from './territory.routes';
export { importTerritory, type TerritoryImportOptions, type TerritoryImportPhase } from './import-territory';
export { loadTerritoryIfEmpty } from './load-territory-if-empty';
export { listRegions } from './list-regions';
export { listProvinces } from './list-provinces';
export { searchMunicipalities } from './search-municipalities';
export { getMunicipality } from './get-municipality';
export { municipalitiesWithinRadius } from './municipalities-within-radius';
export { getMunicipalitiesGeojson, type MunicipalitiesGeojson } from './get-municipalities-geojson';
export { getReconciliationReport } from './get-reconciliation-report';
export { describeReconciliation } from './reconciliation-text';
export { TerritoryActions } from './territory.policy';
export { municipalities, municipalityCodeVariations, provinces, regions, territoryImports } from './territory.schema';
export { resolveMunicipalityCodes } from './resolve-municipality-codes';
export { TERRITORY_MUNICIPALITIES_CHANGED } from './territory-events';
export { loadTerritoryFixture } from './fixtures/territory.fixture';
// The parsed sources, for benchmarks and data checks that need the real names without a database.
export { readTerritorySources, type TerritorySources } from './territory-source';
