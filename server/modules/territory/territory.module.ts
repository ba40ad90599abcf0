import { TERRITORY_ERROR_CODES } from '../../../common/contracts/territory.errors';
import type { ModuleManifest } from '../../platform/module';
import { loadTerritoryIfEmpty } from './load-territory-if-empty';
import { territoryRoutes } from './territory.routes';

/** The territory module's manifest: public read routes, and the territory loaded on the first start. */
export const territoryModule: ModuleManifest = {
  name: 'territory',
  ownsTables: ['regions', 'provinces', 'municipalities', 'territory_imports', 'municipality_code_variations'],
  // Public reference data (ISTAT codes, names, points, fiscal codes, the history of codes): read as it is.
  publishes: ['municipalities', 'provinces', 'regions', 'municipality_code_variations'],
  errorCodes: TERRITORY_ERROR_CODES,
  routes: territoryRoutes(),
  async onStart(context, report) {
    const imported = await loadTerritoryIfEmpty(context);
    if (imported) {
      report(
        `Territory loaded: ${imported.municipalities} municipalities (${imported.withBoundary} with boundary), ` +
          `${imported.provinces} provinces, ${imported.regions} regions; ${imported.reconciliation.length} reconciled.`,
      );
    }
  },
};
