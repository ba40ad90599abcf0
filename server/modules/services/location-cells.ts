/**
 * Grid cells of the places of a service, the same numbers as the SQL function `service_point_cells` of migration
 * 202611220310 (a test checks they agree): fine cells of 0.1° × 0.1° and coarse cells of 1° × 1°, both in
 * `services.location_cells`. A distance search asks for the cells its circle touches, at one of the two sizes.
 */

import { haversineKm } from '../../../common/domain/geo';

const COARSE_OFFSET = 10_000_000;
/** Up to this radius a search uses fine cells (at most ~150 of them); beyond, coarse cells. */
export const FINE_CELLS_MAX_RADIUS_KM = 50;

const fineCell = (latIndex: number, lngIndex: number) => (latIndex + 900) * 3601 + (lngIndex + 1800);
const coarseCell = (latIndex: number, lngIndex: number) => COARSE_OFFSET + (latIndex + 90) * 361 + (lngIndex + 180);

/** The two cells (fine, coarse) a point lies in, as `service_point_cells(latitude, longitude)` gives them. */
export function cellsOfPoint(latitude: number, longitude: number): [number, number] {
  return [fineCell(Math.floor(latitude * 10), Math.floor(longitude * 10)), coarseCell(Math.floor(latitude), Math.floor(longitude))];
}


/**
 * The cells a circle touches: every cell of its bounding box whose nearest point (clamping the centre into the cell)
 * lies within the radius, with a margin, so no point within the radius is ever left out. The exact haversine
 * distance to the locations decides afterwards.
 */
export function cellsAround(latitude: number, longitude: number, radiusKm: number): number[] {
  const fine = radiusKm <= FINE_CELLS_MAX_RADIUS_KM;
  const size = fine ? 0.1 : 1;
  const scale = fine ? 10 : 1;
  const margin = radiusKm * 1.02 + 1;
  const deltaLat = margin / 111.19 + 0.001;
  const maxLat = Math.min(89.999, latitude + deltaLat);
  const minLat = Math.max(-89.999, latitude - deltaLat);
  const cosine = Math.max(Math.min(Math.cos((maxLat * Math.PI) / 180), Math.cos((minLat * Math.PI) / 180)), 0.01);
  const deltaLng = Math.min(180, margin / (111.19 * cosine) + 0.001);
  const cells: number[] = [];
  for (let latIndex = Math.floor(minLat * scale); latIndex <= Math.floor(maxLat * scale); latIndex++) {
    for (let lngIndex = Math.floor((longitude - deltaLng) * scale); lngIndex <= Math.floor((longitude + deltaLng) * scale); lngIndex++) {
      const wrapped = ((((lngIndex * size + 180) % 360) + 360) % 360) - 180;
      const wrappedIndex = Math.round(wrapped * scale);
      const nearestLat = Math.min(Math.max(latitude, latIndex * size), (latIndex + 1) * size);
      const nearestLng = Math.min(Math.max(longitude, lngIndex * size), (lngIndex + 1) * size);
      if (haversineKm(latitude, longitude, nearestLat, nearestLng) > margin) continue;
      cells.push(fine ? fineCell(latIndex, wrappedIndex) : coarseCell(latIndex, wrappedIndex));
    }
  }
  return [...new Set(cells)].sort((a, b) => a - b);
}
