import type { TZoningFileFormat } from '../../../common/contracts/zonings';

/** The file format from its name: .csv, or .geojson/.json; null for anything else. */
export function fileFormatOf(fileName: string): TZoningFileFormat | null {
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (/\.(geo)?json$/i.test(fileName)) return 'geojson';
  return null;
}
