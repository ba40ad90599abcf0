/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

interface GeometryLike {
  type?: unknown;
  coordinates?: unknown;
  geometries?: unknown;
}

function visitPositions(coordinates: unknown, visit: (lng: number, lat: number) => void): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
    visit(coordinates[0], coordinates[1]);
    return;
  }
  for (const inner of coordinates) visitPositions(inner, visit);
}

function visitGeometry(geometry: unknown, visit: (lng: number, lat: number) => void): void {
  if (typeof geometry !== 'object' || geometry === null) return;
  const g = geometry as GeometryLike;
  if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) {
    for (const inner of g.geometries) visitGeometry(inner, visit);
    return;
  }
  visitPositions(g.coordinates, visit);
}

/** The bounding box of every position in the features, or null when there is none. */
export function featuresBbox(features: ReadonlyArray<{ geometry: unknown }>): Bbox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const feature of features) {
    visitGeometry(feature.geometry, (lng, lat) => {
      if (lng < west) west = lng;
      if (lng > east) east = lng;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    });
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}
