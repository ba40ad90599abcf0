/**
 * Writes the example zonings of data/examples/zonings/ from the real territory data shipped in data/territory:
 * `npx tsx scripts/generate-zoning-examples.ts`. Deterministic: the same data gives the same files.
 *
 * 1. piemonte-province.csv — the eight provinces of Piemonte as zones (zone code = province abbreviation).
 * 2. piemonte-aree-derivate.csv / .geojson — a zoning derived from the provinces by a documented rule (see
 *    data/examples/README.md): Torino split at the meridian 7.55° E (by each municipality's representative point),
 *    Biella with Vercelli, Novara with Verbano-Cusio-Ossola, Cuneo, Asti and Alessandria unchanged.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../server/platform/testing/test-database';
import { loadTerritoryFixture } from '../server/modules/territory';

export const TORINO_SPLIT_LONGITUDE = 7.55;
const OUT = fileURLToPath(new URL('../data/examples/zonings/', import.meta.url));

const MERGED: Record<string, { code: string; name: string }> = {
  BI: { code: 'BIVC', name: 'Biellese e Vercellese' },
  VC: { code: 'BIVC', name: 'Biellese e Vercellese' },
  NO: { code: 'NOVB', name: 'Novarese e Verbano-Cusio-Ossola' },
  VB: { code: 'NOVB', name: 'Novarese e Verbano-Cusio-Ossola' },
};

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

const db = await createTestDatabase();
try {
  await loadTerritoryFixture(db, ['01']);
  const { rows } = await db.pool.query<{ istat_code: string; name: string; abbreviation: string; province_name: string; point_lng: number | null; point_lat: number | null }>(`
    select m.istat_code, m.name, p.abbreviation, p.name as province_name, m.point_lng, m.point_lat
    from municipalities m join provinces p on p.code = m.province_code
    where p.region_code = '01' order by m.istat_code`);
  const provinces = rows.map((m) => ({ zoneCode: m.abbreviation, zoneName: m.province_name, ...m }));
  const derived = rows.map((m) => {
    if (m.abbreviation === 'TO') {
      // Municipalities without a point (none in Piemonte today) would stay with the city of Torino.
      const isWest = m.point_lng !== null && m.point_lng < TORINO_SPLIT_LONGITUDE;
      return { ...m, zoneCode: isWest ? 'TO-O' : 'TO-E', zoneName: isWest ? 'Torino ovest' : 'Torino est' };
    }
    const merged = MERGED[m.abbreviation];
    return { ...m, zoneCode: merged?.code ?? m.abbreviation, zoneName: merged?.name ?? m.province_name };
  });
  const toCsv = (list: typeof provinces) =>
    ['zone_code,zone_name,istat_code,municipality_name', ...list.map((m) => [m.zoneCode, m.zoneName, m.istat_code, m.name].map(csvField).join(','))].join('\n') + '\n';
  writeFileSync(`${OUT}piemonte-province.csv`, toCsv(provinces));
  writeFileSync(`${OUT}piemonte-aree-derivate.csv`, toCsv(derived));
  // The same derived zoning as GeoJSON: points (representative point of each municipality) with the zone properties.
  const geojson = {
    type: 'FeatureCollection',
    features: derived.map((m) => ({
      type: 'Feature',
      properties: { istat_code: m.istat_code, name: m.name, zone_code: m.zoneCode, zone_name: m.zoneName },
      geometry: m.point_lng === null || m.point_lat === null ? null : { type: 'Point', coordinates: [m.point_lng, m.point_lat] },
    })),
  };
  writeFileSync(`${OUT}piemonte-aree-derivate.geojson`, `${JSON.stringify(geojson)}\n`);
  const counts = (list: typeof provinces) => {
    const byZone = new Map<string, number>();
    for (const m of list) byZone.set(m.zoneCode, (byZone.get(m.zoneCode) ?? 0) + 1);
    return [...byZone].map(([code, count]) => `${code} ${count}`).join(', ');
  };
  console.log(`provinces: ${counts(provinces)}\nderived: ${counts(derived)}`);
} finally {
  await db.destroy();
}
