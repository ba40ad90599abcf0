/** A municipality of a district's area, as the districts module serves its boundaries. */
export interface AreaFeature {
  type: 'Feature';
  id: string;
  properties: { istatCode: string; name: string; population: number | null };
  geometry: unknown;
}

export interface DistrictFigures {
  districtId: string;
  districtName: string;
  projectCount: number;
  budgetCents: number;
}

/**
 * One map of several districts: each district's municipalities carry the district's figures (a municipality in two
 * districts is drawn once per district, with a key of its own), so every municipality is coloured by the number of
 * projects of the district it belongs to and its tooltip names the district.
 */
export function districtAreaFeatures(rows: readonly DistrictFigures[], areas: ReadonlyMap<string, readonly AreaFeature[]>) {
  return rows.flatMap((row) =>
    (areas.get(row.districtId) ?? []).map((feature) => ({
      type: 'Feature' as const,
      id: `${row.districtId}:${feature.properties.istatCode}`,
      properties: {
        key: `${row.districtId}:${feature.properties.istatCode}`,
        districtId: row.districtId,
        districtName: row.districtName,
        municipalityName: feature.properties.name,
        projects: row.projectCount,
        budgetCents: row.budgetCents,
      },
      geometry: feature.geometry,
    })),
  );
}

/** The districts the map draws: those with projects, most projects first (ties by budget, then name), at most `limit`. */
export function districtsToDraw<Row extends DistrictFigures>(rows: readonly Row[], limit: number): Row[] {
  return rows
    .filter((row) => row.projectCount > 0)
    .sort((a, b) => b.projectCount - a.projectCount || b.budgetCents - a.budgetCents || a.districtName.localeCompare(b.districtName))
    .slice(0, limit);
}
