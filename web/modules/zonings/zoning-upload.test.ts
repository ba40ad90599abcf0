import { describe, expect, it } from 'vitest';
import { fileFormatOf } from './zoning-upload';

describe('fileFormatOf', () => {
  it('tells CSV from GeoJSON by extension, in any case', () => {
    expect(fileFormatOf('ambiti.CSV')).toBe('csv');
    expect(fileFormatOf('ambiti.geojson')).toBe('geojson');
    expect(fileFormatOf('ambiti.json')).toBe('geojson');
    expect(fileFormatOf('ambiti.xlsx')).toBeNull();
  });
});
