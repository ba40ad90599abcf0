import { ZMunicipalitiesChanged } from '../../../common/contracts/territory';
import { defineEvent } from '../../platform/events';

/**
 * The list of municipalities (or the history of codes) may have changed: published (server/platform/events.ts) at
 * the end of every territory import or first load, inside its transaction, so a module keeping data per
 * municipality (e.g. one public-body organization per municipality) brings it in step before the import commits.
 */
export const TERRITORY_MUNICIPALITIES_CHANGED = defineEvent('territory.municipalities-changed', ZMunicipalitiesChanged);
