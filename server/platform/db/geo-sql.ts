import { sql, type SQL } from 'drizzle-orm';
import { EARTH_RADIUS_KM } from '../../../common/domain/geo';

/** The haversine distance in km between a point and a row's point, as SQL (the same formula as common/domain/geo.ts). */
export const haversineKmSql = (lat: SQL | number, lng: SQL | number, rowLat: SQL, rowLng: SQL): SQL => sql`
  (2 * ${EARTH_RADIUS_KM}::float8 * asin(sqrt(
    power(sin(radians(${rowLat} - ${lat}::float8) / 2), 2) +
    cos(radians(${lat}::float8)) * cos(radians(${rowLat})) * power(sin(radians(${rowLng} - ${lng}::float8) / 2), 2))))`;

/**
 * Half the width and height in degrees of a box that holds the whole circle of `radiusKm` around `latitude`, or the
 * haversine test never sees some points within the radius. A degree of latitude is 111.195 km on the haversine sphere
 * (not 111.32, the equator's degree of longitude, which made boxes too small); 111.0 leaves a margin. Longitude is
 * measured at the box's poleward edge, where a degree is shortest.
 */
export const KM_PER_DEGREE_LATITUDE = 111.0;
export const longitudeDeltaSql = (radiusKm: number, latitude: SQL): SQL =>
  sql`(${radiusKm}::float8 / (${KM_PER_DEGREE_LATITUDE}::float8 * greatest(cos(radians(least(abs(${latitude}) + ${radiusKm / KM_PER_DEGREE_LATITUDE}::float8, 89.9))), 0.01)))`;
