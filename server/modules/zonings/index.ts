// The zonings module's public surface: other modules, the CLI and the app import only from here.
export { zoningsModule } from './zonings.module';
export { importZoning, type ImportZoningOptions } from './import-zoning';
export { listZonings } from './list-zonings';
export { getZoning, getZoneMunicipalities, getZoningCsv, getZoningGeoJson, listZoningMunicipalities } from './get-zoning';
export { compareZonings, getAlignmentCsv, getAlignmentGeoJson } from './compare-zonings';
export { updateZone } from './update-zone';
export { deleteZoning } from './delete-zoning';
export { formatFromFileName } from './zoning-file';
export { computeAlignment, partitionScores, type Assignment, type MunicipalityFacts } from './alignment-scores';
export { listAssignments } from './list-assignments';
export { EXAMPLE_ZONINGS, readExampleZoning } from './fixtures/example-zonings.seed';
export { REAL_ZONINGS, loadRealZoningsIfMissing, readRealZoning } from './real-zonings';
