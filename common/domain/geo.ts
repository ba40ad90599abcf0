/** Mean Earth radius (IUGG) of the sphere every distance in Distretto is measured on, in SQL and in TypeScript alike. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two points (haversine). */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A coordinate in degrees rounded to 7 decimals (about a centimetre on the ground), the precision every coordinate is
 * kept at. Finer digits mean nothing for a service's place, and a subnormal such as 5e-324 would make PostgreSQL's
 * double precision refuse the value ("underflow") deep inside a query; rounded, it is 0.
 */
export function toCentimetres(degrees: number): number {
  const rounded = Math.round(degrees * 1e7) / 1e7;
  return rounded === 0 ? 0 : rounded;
}
