import { createHash } from 'node:crypto';
import { assertCan } from '../../platform/access/policy';
import { notFound } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { TerritoryActions } from './territory.policy';
import { municipalitiesGeojson, provinceExists, regionExists } from './territory.repository';

export interface MunicipalitiesGeojson {
  /** A serialized GeoJSON FeatureCollection (ZMunicipalityFeatureCollection), ready to send as is. */
  body: string;
  /** Strong validator of the body, so browsers and proxies can revalidate instead of downloading megabytes again. */
  etag: string;
}

/**
 * The boundaries of a region's or a province's municipalities as GeoJSON for maps (feature id = ISTAT code;
 * properties istatCode, name, population), kept as text end to end. 404 when the area is not loaded.
 */
export async function getMunicipalitiesGeojson(
  context: UseCaseContext,
  area: { regionCode: string } | { provinceCode: string },
): Promise<MunicipalitiesGeojson> {
  assertCan(context.actor, TerritoryActions['territory.read']);
  const exists =
    'regionCode' in area ? await regionExists(context.db.orm, area.regionCode) : await provinceExists(context.db.orm, area.provinceCode);
  if (!exists) throw 'regionCode' in area ? notFound('region', area.regionCode) : notFound('province', area.provinceCode);
  const body = await municipalitiesGeojson(context.db.orm, area);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
}
